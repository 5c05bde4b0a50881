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
import org.jboss.logging.Logger;

/**
 * Card loads (credit: account contract to card contract) and unloads (debit: card contract to account
 * contract). The order matters for money safety:
 * <ol>
 * <li>checks that need no record: ownership, amount, card standing in TX (a failure to ask TX here answers
 * {@link Reason#CORE_UNAVAILABLE}: nothing was journaled, nothing can move later);</li>
 * <li>the operation is journaled with its matchKey in its own committed write, before any TX write;</li>
 * <li>limits are checked against the journal including this operation, so concurrent loads cannot slip
 * past a limit together; a refusal is DECLINED; if the check itself fails (or the refusal cannot be journaled)
 * the operation is left unresolved and answered "outcome unknown", and whoever re-drives it checks the limits
 * again first ({@link #sendAgain});</li>
 * <li>one TX transfer under the operation's matchKey (the TX client retries only with that key);</li>
 * <li>the outcome is journaled (an approval in one commit with the record of the webhook it owes,
 * {@link MoneyEvents}); an unknown outcome stays UNKNOWN for {@link MoneyResumer}.</li>
 * </ol>
 * A repeated request with the same Idempotency-Key finds the journaled operation and re-drives it under the
 * same matchKey, which TX answers with the original outcome: it can never move money twice. Nobody sends a
 * transfer once its re-drive window has passed, so the reconciler's "never registered, FAILED" verdict, taken
 * only after the window plus the stale delay, cannot race a late send.
 */
@ApplicationScoped
public class CardMoney {

    static final String TRANSFER_STEP = "transfer";

    private static final Logger LOG = Logger.getLogger(CardMoney.class);

    /** What a partner told "outcome unknown" can count on. */
    static final String WILL_END = "the operation will be completed (notified by a card_last_tx webhook) or cancelled;"
            + " the same request with the same Idempotency-Key tells which";

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
        LoadLimits limits = limitsPolicy.forPartner(rq.partnerId());
        BigDecimal amount = AmountRules.check(rq.amount(), card.currency(), limits, kind == OperationKind.CARD_CREDIT);
        checkStanding(card, initialLoad);
        Operation op = Operation.newMoney(id, rq.partnerId(), kind, rq.idempotencyKey(), rq.fingerprint(),
                card.accountId(), card.cardId(), amount, card.currency(), rq.comments(), now);
        if (!journal.record(op)) {
            return resume(journal.find(id).orElseThrow(), card, rq);
        }
        try {
            if (kind == OperationKind.CARD_CREDIT) {
                limitChecker.check(card, limits, now);
            }
        } catch (LoadRefused refused) {
            declineUnsent(op, refused);
        } catch (RuntimeException e) {
            // The limits could not be read: not sent now. Left unresolved, not FAILED, so that the partner's retry
            // or the reconciler checks the limits again and sends it, or it ends FAILED (MoneyResumer).
            LOG.warnf("operation %s: load limits not checked (%s); left to the reconciler", id, e.toString());
            markUnknownQuietly(id);
            throw new LoadRefused(Reason.OUTCOME_UNKNOWN, "the load limits could not be checked now; " + WILL_END,
                    id.value());
        }
        return send(op, card, true);
    }

    /** Journals the refusal of a transfer that was never sent; if that fails, the operation is left unresolved. */
    private void declineUnsent(Operation op, LoadRefused refused) {
        try {
            journal.finish(op.id(), OperationState.DECLINED, null, refused.reason().name(), clock.instant());
        } catch (RuntimeException e) {
            // Not journaled: the reconciler will check the limits again before it sends anything, so the partner
            // may not be told "refused" as if that were final.
            LOG.warnf("operation %s: refusal (%s) not journaled (%s); left to the reconciler", op.id(),
                    refused.reason(), e.toString());
            throw new LoadRefused(Reason.OUTCOME_UNKNOWN, "the operation could not be recorded as refused; " + WILL_END,
                    op.id().value());
        }
        throw refused;
    }

    private void markUnknownQuietly(OperationId id) {
        try {
            journal.markUnknown(id, clock.instant());
        } catch (RuntimeException e) {
            // Stays PENDING: the reconciler takes it once it is stale.
            LOG.debugf("operation %s not marked unknown: %s", id, e.toString());
        }
    }

    /**
     * The account's and the card's balances right after an approved load or unload, for the partner's answer;
     * empty when TX cannot be read at this moment (the money has moved all the same: nothing to undo or retry).
     */
    public Optional<LoadBalances> balancesAfter(Moved moved) {
        return ledger.balances(moved.card().accountId(), moved.card().cardContractId());
    }

    /** A retry of a journaled operation: same parameters required; re-driven under the same matchKey. */
    private Moved resume(Operation existing, OwnedCard card, MoneyRequest rq) {
        if (existing.requestFingerprint() != null && !existing.requestFingerprint().equals(rq.fingerprint())) {
            throw new LoadRefused(Reason.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used with other parameters", existing.id().value());
        }
        return switch (existing.state()) {
            case APPROVED, DECLINED, FAILED -> answer(existing, card);
            case PENDING, UNKNOWN -> redrive(existing, card);
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
     * A partner's retry of an unresolved operation. It takes the operation's lease first, as the reconciler does, so
     * that the two never send it at once (one could be declined while the other is approved, and the journal would
     * keep whichever ended first); then it asks TX what it registered under the matchKey, and only if nothing,
     * sends again (a load only if its limits still allow it, see {@link #sendAgain}).
     */
    private Moved redrive(Operation op, OwnedCard card) {
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
            if (registered.isEmpty()) {
                return sendAgain(op, card);
            }
            if (registered.get() instanceof TransferOutcome.Unknown) {
                journal.markUnknown(op.id(), clock.instant());
                throw new LoadRefused(Reason.OUTCOME_UNKNOWN, "the card processor cannot be asked now; " + WILL_END,
                        op.id().value());
            }
            return settle(op, card, registered.get());
        } finally {
            journal.release(op.id(), owner);
        }
    }

    /**
     * Re-sends a journaled transfer that TX never registered, under its original matchKey, by whoever holds the
     * operation's lease (the reconciler, a retry). A load's limits are checked again first: the replica that
     * journaled it may have died before checking them. A load they refuse now is not sent, and not declined
     * either (an earlier attempt might still be registered): it ends FAILED once the re-drive window has passed.
     */
    Moved sendAgain(Operation op, OwnedCard card) {
        if (op.kind() == OperationKind.CARD_CREDIT) {
            try {
                limitChecker.check(card, limitsPolicy.forPartner(op.partnerId()), op.createdAt());
            } catch (LoadRefused refused) {
                journal.markUnknown(op.id(), clock.instant());
                throw new LoadRefused(Reason.OUTCOME_UNKNOWN, "not sent again: " + refused.getMessage() + "; it ends"
                        + " as failed unless the card processor registered an earlier attempt", op.id().value());
            }
        }
        return send(op, card, false);
    }

    /** Whether a transfer of this operation may still be sent (see the class comment). */
    boolean mayStillSend(Operation op, Instant now) {
        return Duration.between(op.createdAt(), now).compareTo(config.redriveWindow()) < 0;
    }

    /** {@code attemptJournaled}: the operation was just recorded with this attempt ({@link Operation#newMoney}). */
    private Moved send(Operation op, OwnedCard card, boolean attemptJournaled) {
        Instant now = clock.instant();
        if (!mayStillSend(op, now)) {
            journal.markUnknown(op.id(), now);
            throw new LoadRefused(Reason.OUTCOME_UNKNOWN, "the outcome of this operation is being reconciled with"
                    + " the card processor; " + WILL_END, op.id().value());
        }
        if (!attemptJournaled) {
            journal.attemptStarted(op.id(), now);
        }
        boolean credit = op.kind() == OperationKind.CARD_CREDIT;
        long from = credit ? card.accountId() : card.cardContractId();
        long to = credit ? card.cardContractId() : card.accountId();
        TransferOutcome outcome;
        try {
            // The journaled comments, not the retry's: a replay under the same key sends what the first request did.
            outcome = ledger.transfer(from, to, op.amount(), op.currency(), op.matchKey(TRANSFER_STEP),
                    op.comments());
        } catch (RuntimeException e) {
            // Whatever failed, the request may have reached TX: only the matchKey lookup can tell.
            outcome = new TransferOutcome.Unknown(e.toString());
        }
        return settle(op, card, outcome);
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
        // Unknown, or NotSent now while an earlier attempt may have reached TX: the reconciler asks TX and
        // re-drives under the same matchKey. Nobody guesses.
        journal.markUnknown(op.id(), now);
        String why = outcome instanceof TransferOutcome.NotSent ? "is unavailable" : "did not answer in time";
        throw new LoadRefused(Reason.OUTCOME_UNKNOWN, "the card processor " + why + "; " + WILL_END,
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

    private void checkStanding(OwnedCard card, boolean initialLoad) {
        CardStanding standing;
        try {
            standing = ledger.standing(card.cardId());
        } catch (RuntimeException e) {
            throw new LoadRefused(Reason.CORE_UNAVAILABLE, "the card processor is unavailable; nothing was done,"
                    + " the request may be sent again", null);
        }
        if (initialLoad && standing == CardStanding.NOT_ACTIVATED) {
            // The initial amount of a card order goes onto the card before the holder activates it.
            return;
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
    }
}
