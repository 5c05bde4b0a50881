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
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Card loads (credit: account contract to card contract) and unloads (debit: card contract to account
 * contract). The order matters for money safety:
 * <ol>
 * <li>checks that need no record: ownership, amount, card standing in TX (a failure to ask TX here answers
 * {@link Reason#CORE_UNAVAILABLE}: nothing was journaled, nothing can move later);</li>
 * <li>the operation is journaled with its matchKey in its own committed write, before any TX write;</li>
 * <li>limits are checked against the journal including this operation, so concurrent loads cannot slip
 * past a limit together; if the check itself fails the operation is FAILED, so nobody re-drives it;</li>
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
        LoadLimits limits = limitsPolicy.forPartner(rq.partnerId());
        BigDecimal amount = AmountRules.check(rq.amount(), card.currency(), limits);

        Instant now = clock.instant();
        OperationId id = rq.idempotencyKey() == null
                ? OperationId.generate(now.toEpochMilli())
                : OperationId.fromIdempotencyKey(rq.partnerId(), kind, rq.idempotencyKey());
        if (rq.idempotencyKey() != null) {
            // A retry reports the journaled operation, whatever the card's standing has become since.
            Optional<Operation> existing = journal.find(id);
            if (existing.isPresent()) {
                return resume(existing.get(), card, rq);
            }
        }
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
            journal.finish(id, OperationState.DECLINED, null, refused.reason().name(), clock.instant());
            throw refused;
        } catch (RuntimeException e) {
            // Not sent and never to be sent: FAILED, so the reconciler does not move money the partner was
            // told did not move.
            journal.finish(id, OperationState.FAILED, null, "NOT_SENT", clock.instant());
            throw e;
        }
        return send(op, card, true);
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
            case APPROVED -> new Moved(existing, card, existing.txTranId());
            case DECLINED, FAILED -> throw OutcomeMapping.refusal(existing);
            case PENDING, UNKNOWN -> send(existing, card, false);
        };
    }

    /** Re-sends a journaled transfer under its original matchKey (the reconciler's forward recovery). */
    Moved sendAgain(Operation op, OwnedCard card) {
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
                    + " the card processor and will be notified by webhook", op.id().value());
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
            approve(op, card, a.tranId(), now);
            return new Moved(op, card, a.tranId());
        }
        if (outcome instanceof TransferOutcome.Declined d) {
            journal.finish(op.id(), OperationState.DECLINED, d.tranId(), d.code(), now);
            throw OutcomeMapping.refusal(op.kind(), d.code(), op.id().value());
        }
        // Unknown, or NotSent now while an earlier attempt may have reached TX: the reconciler asks TX and
        // re-drives under the same matchKey. Nobody guesses.
        journal.markUnknown(op.id(), now);
        String why = outcome instanceof TransferOutcome.NotSent ? "is unavailable" : "did not answer in time";
        throw new LoadRefused(Reason.OUTCOME_UNKNOWN, "the card processor " + why + "; the operation will be"
                + " completed or cancelled and notified by webhook", op.id().value());
    }

    /**
     * Journals an approval and the record of the webhook it owes in one commit: no operation is ever APPROVED
     * without it. A crash before the commit leaves the operation unresolved; the reconciler settles it here again
     * (the record is idempotent on the TX transaction). Should the pair fail to commit while the journal alone still
     * can (the outbox's write refused), the approval is journaled alone: the money has moved and the partner must be
     * told so; the TX transaction follower records the same webhook from TX's own record.
     */
    private void approve(Operation op, OwnedCard card, long tranId, Instant now) {
        try {
            units.inOne(() -> {
                events.approved(op, card, tranId);
                return journal.finish(op.id(), OperationState.APPROVED, tranId, null, now);
            });
        } catch (RuntimeException e) {
            LOG.warnf("operation %s: approval and its webhook record not committed together (%s); journaling the"
                    + " approval alone, the transaction follower records the webhook", op.id(), e.toString());
            journal.finish(op.id(), OperationState.APPROVED, tranId, null, now);
        }
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
