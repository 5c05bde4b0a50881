package io.anygate.domain.card;

import io.anygate.domain.Card;
import io.anygate.domain.CardRestrictions;
import io.anygate.domain.CardStatus;
import io.anygate.domain.card.CardRefused.Reason;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.SagaSteps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Changes a card (status, POS/ATM restrictions, renewal), journaled as a CARD_UPDATE operation whose TX writes
 * carry matchKeys: {@code change} (status and restriction profile in one card write), then for a renewal
 * {@code reissue} (a new TX card on the same contracts, same PAN and PIN; the old card is closed) and
 * {@code register} (the new card becomes the partner's; its card_ref is answered).
 */
@ApplicationScoped
public class CardUpdates {

    @Inject
    CardCore core;
    @Inject
    CardOwnership cards;
    @Inject
    OperationJournal journal;
    @Inject
    CardSagaListeners listeners;
    @Inject
    Clock clock;

    /** The card after the update: {@code cardId} is the new card's after a renewal. */
    public record Updated(long cardId, CardStatus status, CardRestrictions restrictions) {
    }

    public Updated update(CardUpdate rq, Card current) {
        Instant now = clock.instant();
        OperationId id = rq.idempotencyKey() == null ? OperationId.generate(now.toEpochMilli())
                : OperationId.fromIdempotencyKey(rq.partnerId(), OperationKind.CARD_UPDATE, rq.idempotencyKey());
        CardRestrictions restrictions = current.restrictions().with(rq.pos(), rq.atm());
        Map<String, String> data = new HashMap<>();
        data.put("cardId", Long.toString(rq.cardId()));
        data.put("restrictions", restrictions.rid());
        data.put("restrictionsChanged", Boolean.toString(!restrictions.equals(current.restrictions())));
        CardStatus target = rq.status() == null ? current.status() : rq.status();
        data.put("status", target.name());
        data.put("statusChanged", Boolean.toString(target != current.status()));
        data.put("renew", Boolean.toString(rq.renew()));
        Operation op = Operation.newSaga(id, rq.partnerId(), OperationKind.CARD_UPDATE, rq.idempotencyKey(),
                rq.fingerprint(), data, now);
        if (!journal.record(op)) {
            Operation existing = journal.find(id).orElseThrow();
            if (existing.requestFingerprint() != null && !existing.requestFingerprint().equals(rq.fingerprint())) {
                throw new CardRefused(Reason.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used with other parameters");
            }
            op = existing;
        }
        return run(op);
    }

    /** Runs (or resumes) the update's writes; each is skipped once journaled and idempotent in TX. */
    Updated run(Operation op) {
        Map<String, String> d = op.data();
        long cardId = Long.parseLong(d.get("cardId"));
        CardStatus status = CardStatus.valueOf(d.get("status"));
        CardRestrictions restrictions = CardRestrictions.fromRid(d.get("restrictions")).orElseThrow();
        boolean statusChanged = Boolean.parseBoolean(d.get("statusChanged"));
        boolean restrictionsChanged = Boolean.parseBoolean(d.get("restrictionsChanged"));
        SagaSteps saga = new SagaSteps(op, journal, clock, listeners::stepDone);
        if (statusChanged || restrictionsChanged) {
            saga.step("change", key -> {
                core.change(cardId, statusChanged ? status : null, restrictionsChanged ? restrictions : null, key);
                return Map.of();
            });
        }
        long resultId = cardId;
        if (Boolean.parseBoolean(d.get("renew"))) {
            long newId = Long.parseLong(saga.step("reissue", key -> Map.of("newCardId", Long.toString(
                    core.reissue(cardId, "AGW-C-" + op.id(), status == CardStatus.ACT, key)))).get("newCardId"));
            OwnedCard old = cards.find(op.partnerId(), cardId).orElseThrow();
            saga.step("register", key -> {
                cards.register(new OwnedCard(newId, op.partnerId(), old.accountId(), old.cardContractId(),
                        old.currency(), old.virtual()), op.id().value());
                return Map.of();
            });
            resultId = newId;
        }
        if (op.state() != OperationState.APPROVED) {
            journal.finish(op.id(), OperationState.APPROVED, null, null, clock.instant());
        }
        return new Updated(resultId, status, restrictions);
    }
}
