package io.anygate.domain.operation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of the operation journal: what a partner asked for, under which matchKeys it was sent to TX, and
 * how it ended. Money fields are set for money kinds only. {@code data} holds what a multi-step operation
 * learned along the way (TX ids of the objects it created), so a resumed saga does not ask twice.
 *
 * @param requestFingerprint hash of the partner's parameters, compared when an Idempotency-Key is reused
 * @param comments the partner's comments on a load or unload, recorded with it and never changed; NONE for
 *        other kinds
 * @param step the last completed step of a multi-step operation, or null
 */
public record Operation(
        OperationId id,
        String partnerId,
        OperationKind kind,
        OperationState state,
        String idempotencyKey,
        String requestFingerprint,
        Long accountId,
        Long cardId,
        BigDecimal amount,
        String currency,
        MoneyComments comments,
        Long txTranId,
        String declineCode,
        String step,
        Map<String, String> data,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {

    public Operation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        comments = comments == null ? MoneyComments.NONE : comments;
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /**
     * A new money operation, journaled with its first attempt: it is sent to TX right after the checks that
     * follow its record (one store write fewer per load than a separate attempt update). When those checks refuse
     * it, it ends DECLINED or FAILED with the refusal's code and was never sent. Its comments are recorded in the
     * same write, before any TX call.
     */
    public static Operation newMoney(OperationId id, String partnerId, OperationKind kind, String idempotencyKey,
            String fingerprint, long accountId, long cardId, BigDecimal amount, String currency,
            MoneyComments comments, Instant now) {
        if (!kind.movesMoney()) {
            throw new IllegalArgumentException(kind + " does not move money");
        }
        return new Operation(id, partnerId, kind, OperationState.PENDING, idempotencyKey, fingerprint, accountId,
                cardId, amount, currency, comments, null, null, null, Map.of(), 1, now, now);
    }

    /** A new multi-step (saga) operation, not yet sent to TX. */
    public static Operation newSaga(OperationId id, String partnerId, OperationKind kind, String idempotencyKey,
            String fingerprint, Map<String, String> data, Instant now) {
        return newSaga(id, partnerId, kind, idempotencyKey, fingerprint, null, data, now);
    }

    /** A new multi-step (saga) operation on one account (a card order: the account's cards are counted by it). */
    public static Operation newSaga(OperationId id, String partnerId, OperationKind kind, String idempotencyKey,
            String fingerprint, Long accountId, Map<String, String> data, Instant now) {
        return new Operation(id, partnerId, kind, OperationState.PENDING, idempotencyKey, fingerprint, accountId,
                null, null, null, MoneyComments.NONE, null, null, null, data, 0, now, now);
    }

    /** The matchKey of one TX write of this operation. */
    public MatchKey matchKey(String step) {
        return MatchKey.of(id, step);
    }

    public String get(String key) {
        return data.get(key);
    }
}
