package io.anygate.domain.money;

import io.anygate.domain.card.CardOwnership;
import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.LoadRefused.Reason;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.UnitOfWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Card loads (credit: account contract to card contract) and unloads (debit: card contract to account
 * contract). The order matters for money safety:
 * <ol>
 * <li>checks that need no record: ownership, amount, card standing in TX (a failure to ask TX here answers
 * {@link Reason#CORE_UNAVAILABLE}: nothing was journaled, nothing can move later);</li>
 * <li>the operation is journaled with its matchKey and its send time in its own committed write, before any TX
 * write;</li>
 * <li>limits are checked against the journal including this operation, so concurrent loads cannot slip
 * past a limit together; a refusal is DECLINED; if the check itself fails the operation is FAILED, never sent
 * (left unresolved for the reconciler only if even that cannot be journaled);</li>
 * <li>one TX transfer under the operation's matchKey (the TX client retries only with that key);</li>
 * <li>the outcome is journaled (an approval in one commit with the record of the webhook it owes,
 * {@link MoneyEvents}). No attempt reached TX: FAILED at once. Unknown: looked up by matchKey, in this request
 * if it is young enough, else by {@link MoneyResumer}.</li>
 * </ol>
 * <b>An operation is sent once, by the request that journaled it, and never again</b>: whoever later meets it
 * unresolved (a retry with its Idempotency-Key, the reconciler, an operator) only looks it up by matchKey. It is
 * applied only if TX applied it; once TX's matching window has passed with nothing registered, it is FAILED. A
 * partner told "outcome unknown" (408) therefore never sees the money move later unless it had already moved.
 */
@ApplicationScoped
public class CardMoney {

    static final String TRANSFER_STEP = "transfer";

    private static final Logger LOG = Logger.getLogger(CardMoney.class);

    /** What a partner told "outcome unknown" can count on. */
    static final String WILL_END = "the operation will be completed (notified by a card_last_tx webhook) or cancelled;"
            + " the same request with the same Idempotency-Key tells which";

    /** What a partner told "not done" can count on. */
    static final String NOTHING_DONE = "nothing was done, nothing will be; the request may be sent again with a new"
            + " Idempotency-Key";

    /**
     * How long after its journaled send time a transfer may still start: its send time is what TX's matchKey window
     * is asked with, so a send that started much later could be missed by the lookup. Only a very slow limit check
     * delays it; then it is not sent at all.
     */
    static final Duration MAX_SEND_DELAY = Duration.ofSeconds(10);

    @Inject
    CardOwnership cards;

    @Inject
    OperationJournal journal;

    @Inject
    CoreLedger ledger;

    @Inject
    LoadLimitsPolicy limitsPolicy;

    @Inject
    LoadLimitChecker limitChecker;

    @Inject
    MoneyEvents events;

    @Inject
    UnitOfWork units;

    @Inject
    MoneyConfig config;

    @Inject
    Clock clock;

    @Inject
    io.anygate.domain.iban.KycGates kycGates;

    @Inject
    io.anygate.domain.iban.AccountKyc kyc;

    private volatile Map<String, DeclineMeaning> declines;

    /** The decline table, built once from the configuration. */
    private Map<String, DeclineMeaning> declines() {
        Map<String, DeclineMeaning> d = declines;
        if (d == null) {
            d = DeclineMeaning.table(config.declines());
            declines = d;
        }
        return d;
    }

    /** The result of an approved load or unload. */
    public record Moved(Operation operation, OwnedCard card, long tranId) {
    }

    public Moved credit(MoneyRequest request) {
        return move(OperationKind.CARD_CREDIT, request);
    }

    public Moved debit(MoneyRequest request) {
        return move(OperationKind.CARD_DEBIT, request);
    }

    /**
     * The initial load of a card order: a credit that an ordered plastic card, not activated yet, may receive
     * (Anytime loads the order's amount at once; the card spends it once activated).
     */
    public Moved initialLoad(MoneyRequest request) {
        return move(OperationKind.CARD_CREDIT, request, true);
    }

    private Moved move(OperationKind kind, MoneyRequest rq) {
        return move(kind, rq, false);
    }

    private Moved move(OperationKind kind, MoneyRequest rq, boolean initialLoad) {
        OwnedCard card = cards.find(rq.partnerId(), rq.cardId())
                .orElseThrow(() -> new LoadRefused(Reason.CARD_NOT_OWNED, "card not found for this partner", null));
        Instant now = clock.instant();
        OperationId id = rq.idempotencyKey() == null
                ? OperationId.generate(now.toEpochMilli())
                : OperationId.fromIdempotencyKey(rq.partnerId(), kind, rq.idempotencyKey());
        if (rq.idempotencyKey() != null) {
            // A retry reports the journaled operation, whatever the card's standing or the partner's limits have
            // become since: its amount was checked when it was journaled, and the reconciler may be finishing it.
            Optional<Operation> existing = journal.find(id);
            if (existing.isPresent()) {
                return resume(existing.get(), card, rq);
            }
        }
        // A card order's initial load is held to the card order gate; a later load to the card load gate.
        if (kind == OperationKind.CARD_CREDIT && !initialLoad
                && kycGates.needsKyc(rq.partnerId(), io.anygate.domain.iban.KycGates.Gate.CARD_LOAD)
                && !kyc.accepted(card.accountId())) {
            throw new LoadRefused(Reason.KYC_REQUIRED, "the KYC of this card's account is not accepted", null);
        }
        LoadLimits limits = limitsPolicy.forPartner(rq.partnerId());
        BigDecimal amount = AmountRules.check(rq.amount(), card.currency(), limits, kind == OperationKind.CARD_CREDIT);
        MoneyCard core;
        if (kind == OperationKind.CARD_DEBIT) {
            CardHolding holding = readCore(() -> ledger.cardHolding(card.cardId(), card.cardContractId()));
            core = checkStanding(holding.card(), initialLoad);
            checkCardHolds(holding.available(), amount);
        } else {
            core = checkStanding(readCore(() -> ledger.card(card.cardId())), initialLoad);
        }
        Operation op = Operation.newMoney(id, rq.partnerId(), kind, rq.idempotencyKey(), rq.fingerprint(),
                card.accountId(), card.cardId(), amount, card.currency(), rq.comments(), now);
        if (!journal.record(op)) {
            return resume(journal.find(id).orElseThrow(), card, rq);
        }
        try {
            if (kind == OperationKind.CARD_CREDIT) {
                if (core.singleUse()) {
                    limitChecker.checkSingleUse(card);
                }
                limitChecker.check(card, limits, now);
            }
        } catch (LoadRefused refused) {
            declineUnsent(op, refused);
        } catch (RuntimeException e) {
            // The limits could not be read: never sent, so it fails now (nothing moved; the partner may send a new
            // request). Left to the reconciler only if even that cannot be journaled: it finds nothing and fails it.
            LOG.warnf("operation %s: load limits not checked (%s); not sent", id, e.toString());
            failUnsent(op, "NOT_SENT");
            throw new LoadRefused(Reason.NOT_APPLIED, NOTHING_DONE + ": the load limits could not be checked",
                    id.value());
        }
        return send(op, card);
    }

    /** Ends an operation that was never sent as FAILED; left for the reconciler's lookup if that write fails. */
    private void failUnsent(Operation op, String code) {
        try {
            journal.finish(op.id(), OperationState.FAILED, null, code, clock.instant());
        } catch (RuntimeException e) {
            // Stays PENDING: the reconciler finds nothing under its matchKey and fails it after TX's window.
            LOG.debugf("operation %s not journaled as failed: %s", op.id(), e.toString());
        }
    }

    /** Journals the refusal of a transfer that was never sent; if that fails, the operation is left unresolved. */
    private void declineUnsent(Operation op, LoadRefused refused) {
        try {
            journal.finish(op.id(), OperationState.DECLINED, null, refused.reason().name(), clock.instant());
        } catch (RuntimeException e) {
            // Not journaled: it is never sent all the same (the reconciler finds nothing under its matchKey and
            // fails it), so the refusal is final.
            LOG.warnf("operation %s: refusal (%s) not journaled (%s); the reconciler fails it", op.id(),
                    refused.reason(), e.toString());
        }
        throw refused;
    }

    /** A retry of a journaled operation: same parameters required; an unresolved one is looked up, never re-sent. */
    private Moved resume(Operation existing, OwnedCard card, MoneyRequest rq) {
        if (existing.requestFingerprint() != null && !existing.requestFingerprint().equals(rq.fingerprint())) {
            throw new LoadRefused(Reason.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with other parameters", existing.id().value());
        }
        return switch (existing.state()) {
            case APPROVED, DECLINED, FAILED -> answer(existing, card);
            case PENDING, UNKNOWN -> lookUp(existing, card);
        };
    }

    /** What a journaled, ended operation answers. */
    private Moved answer(Operation ended, OwnedCard card) {
        if (ended.state() == OperationState.APPROVED) {
            return new Moved(ended, card, ended.txTranId());
        }
        throw OutcomeMapping.refusal(ended, declines());
    }

    /**
     * A partner's retry of an unresolved operation: never sent again, only looked up by matchKey. It takes the
     * operation's lease first, as the reconciler does, so that only one of them settles it at a time.
     */
    private Moved lookUp(Operation op, OwnedCard card) {
        String owner = "retry-" + UUID.randomUUID();
        Instant now = clock.instant();
        if (!journal.lease(op.id(), owner, now.plus(config.reconciler().lease()), now)) {
            Operation current = journal.find(op.id()).orElseThrow();
            if (current.state().terminal()) {
                return answer(current, card);
            }
            throw new LoadRefused(Reason.OUTCOME_UNKNOWN, "this operation is being completed by the gateway right now; "
                    + WILL_END, op.id().value());
        }
        try {
            Optional<TransferOutcome> registered = ledger.lookup(op.matchKey(TRANSFER_STEP), op.createdAt());
            if (registered.isPresent() && !(registered.get() instanceof TransferOutcome.Unknown)) {
                return settle(op, card, registered.get());
            }
            if (registered.isEmpty() && notRegisteredIsFinal(op, clock.instant())) {
                failNotRegistered(op, card);
            }
            throw new LoadRefused(Reason.OUTCOME_UNKNOWN, "the outcome of this operation is being reconciled with"
                    + " the card processor; " + WILL_END, op.id().value());
        } finally {
            journal.release(op.id(), owner);
        }
    }

    /**
     * Whether "TX registered nothing under the matchKey" is final for this operation now: TX's matching window
     * after its one journaled send has passed. An operation sent more than once (by the gateway's earlier re-drive
     * rule, with later send times not journaled) cannot be asked for every window: never final, an operator settles
     * it (docs/architecture.md).
     */
    boolean notRegisteredIsFinal(Operation op, Instant now) {
        return op.attempts() <= 1 && !now.isBefore(ledger.registeredBy(op.createdAt()));
    }

    /** The one send of a just-journaled operation. */
    private Moved send(Operation op, OwnedCard card) {
        Instant now = clock.instant();
        if (Duration.between(op.createdAt(), now).compareTo(MAX_SEND_DELAY) > 0) {
            failUnsent(op, "NOT_SENT");
            throw new LoadRefused(Reason.NOT_APPLIED, NOTHING_DONE + ": the gateway was too slow to send it",
                    op.id().value());
        }
        boolean credit = op.kind() == OperationKind.CARD_CREDIT;
        long from = credit ? card.accountId() : card.cardContractId();
        long to = credit ? card.cardContractId() : card.accountId();
        TransferOutcome outcome;
        try {
            outcome = ledger.transfer(from, to, op.amount(), op.currency(), op.matchKey(TRANSFER_STEP),
                    op.comments());
        } catch (RuntimeException e) {
            // Whatever failed, the request may have reached TX: only the matchKey lookup can tell.
            outcome = new TransferOutcome.Unknown(e.toString());
        }
        if (outcome instanceof TransferOutcome.Unknown
                && Duration.between(op.createdAt(), clock.instant()).compareTo(config.inRequestLookup()) < 0) {
            // The first lookup runs in the partner's own request while it has time: an answer lost after TX
            // applied the transfer is then answered as approved at once.
            Optional<TransferOutcome> registered = ledger.lookup(op.matchKey(TRANSFER_STEP), op.createdAt());
            if (registered.isPresent()) {
                outcome = registered.get() instanceof TransferOutcome.Unknown ? outcome : registered.get();
            }
        }
        return settle(op, card, outcome);
    }

    /**
     * Ends an operation TX never registered, once that is final ({@link #notRegisteredIsFinal}), as FAILED; throws
     * the refusal it answers (or answers whatever ended it first).
     */
    Moved failNotRegistered(Operation op, OwnedCard card) {
        if (!journal.finish(op.id(), OperationState.FAILED, null, "NOT_APPLIED", clock.instant())) {
            return answer(journal.find(op.id()).orElseThrow(), card);
        }
        LOG.infof("operation %s failed: TX registered nothing under its matchKey", op.id());
        throw new LoadRefused(Reason.NOT_APPLIED, NOTHING_DONE + " (the card processor never applied it)",
                op.id().value());
    }

    /** Journals an outcome and answers it; shared with the reconciler's view of the rules. */
    Moved settle(Operation op, OwnedCard card, TransferOutcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof TransferOutcome.Approved a) {
            return approve(op, card, a.tranId(), now);
        }
        if (outcome instanceof TransferOutcome.Declined d) {
            if (!journal.finish(op.id(), OperationState.DECLINED, d.tranId(), d.code(), now)) {
                return answer(journal.find(op.id()).orElseThrow(), card); // ended by another: its outcome holds
            }
            throw OutcomeMapping.refusal(op.kind(), d.code(), d.description(), op.id().value(), declines());
        }
        if (outcome instanceof TransferOutcome.NotSent n) {
            // No attempt reached TX: nothing moved, and nothing will (it is never sent again).
            if (!journal.finish(op.id(), OperationState.FAILED, null, "NOT_SENT", now)) {
                return answer(journal.find(op.id()).orElseThrow(), card);
            }
            throw new LoadRefused(Reason.NOT_APPLIED, NOTHING_DONE + " (the card processor was not reached)",
                    op.id().value());
        }
        // Unknown: the reconciler asks TX by matchKey. Nobody guesses, nobody sends again.
        journal.markUnknown(op.id(), now);
        throw new LoadRefused(Reason.OUTCOME_UNKNOWN, "the card processor did not answer in time; " + WILL_END,
                op.id().value());
    }

    /**
     * Journals an approval and the record of the webhook it owes in one commit: no operation is ever APPROVED
     * without it. A crash before the commit leaves the operation unresolved; the reconciler settles it here again
     * (the record is idempotent on the TX transaction). Should the pair fail to commit while the journal alone still
     * can (the outbox's write refused), the approval is journaled alone: the money has moved and the partner must be
     * told so; the TX transaction follower records the same webhook from TX's own record.
     */
    private Moved approve(Operation op, OwnedCard card, long tranId, Instant now) {
        boolean finished;
        try {
            finished = units.inOne(() -> {
                events.approved(op, card, tranId);
                return journal.finish(op.id(), OperationState.APPROVED, tranId, null, now);
            });
        } catch (RuntimeException e) {
            LOG.warnf("operation %s: approval and its webhook record not committed together (%s); journaling the"
                    + " approval alone, the transaction follower records the webhook", op.id(), e.toString());
            finished = journal.finish(op.id(), OperationState.APPROVED, tranId, null, now);
        }
        if (!finished) {
            Operation ended = journal.find(op.id()).orElseThrow();
            if (ended.state() != OperationState.APPROVED || !Long.valueOf(tranId).equals(ended.txTranId())) {
                // Cannot happen while every sender holds the lease; if it does, TX is right and operators must know.
                LOG.errorf("operation %s: TX approved transaction %d but the journal holds %s (%s); the money moved",
                        op.id(), tranId, ended.state(), ended.declineCode());
            }
        }
        return new Moved(op, card, tranId);
    }

    /**
     * An unload of more than the card holds is refused as such before it is journaled: TX checks its per-transfer
     * maximum before the funds, and an unload is never "load amount too high". When the balance cannot be read now,
     * TX decides alone.
     */
    private static void checkCardHolds(Optional<BigDecimal> holds, BigDecimal amount) {
        if (holds.isPresent() && holds.get().compareTo(amount) < 0) {
            throw new LoadRefused(Reason.CARD_BALANCE_TOO_LOW, "the card balance is too low for this amount", null);
        }
    }

    /** A read of the card in the core before anything is journaled: if it fails, nothing was done. */
    private static <T> T readCore(Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new LoadRefused(Reason.CORE_UNAVAILABLE, "the card processor is unavailable; nothing was done,"
                    + " the request may be sent again", null);
        }
    }

    private static MoneyCard checkStanding(MoneyCard core, boolean initialLoad) {
        CardStanding standing = core.standing();
        if (initialLoad && standing == CardStanding.NOT_ACTIVATED) {
            // The initial amount of a card order goes onto the card before the holder activates it.
            return core;
        }
        // As CardRules.checkUsable: a blocked card may still be loaded and unloaded (the money stays with its
        // holder); ordered cards and final ones (lost, stolen, damaged, cancelled) may not.
        switch (standing) {
            case ACTIVE, BLOCKED -> {
            }
            case NOT_ACTIVATED -> throw new LoadRefused(Reason.CARD_NOT_ACTIVATED, "the card is not active", null);
            case CANCELLED -> throw new LoadRefused(Reason.CARD_CANCELLED,
                    "no action is possible on this card (lost, stolen, damaged or cancelled)", null);
        }
        return core;
    }
}
