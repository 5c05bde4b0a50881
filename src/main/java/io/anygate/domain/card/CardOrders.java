package io.anygate.domain.card;

import io.anygate.domain.CardType;
import io.anygate.domain.account.AccountOwnership;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.domain.card.CardRefused.Reason;
import io.anygate.domain.money.CardMoney;
import io.anygate.domain.money.LoadRefused;
import io.anygate.domain.money.MoneyRequest;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.SagaSteps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Orders a card: a saga journaled (CARD_ORDER) before its first TX write, whose steps each carry their own
 * matchKey and are skipped once journaled, so a retry or a crash at any point resumes and never makes a second
 * card contract or card:
 * <ol>
 * <li>{@code card-contract}: the card's own contract ({@code AGW-CC-{op}}, account currency);</li>
 * <li>{@code contract-activate};</li>
 * <li>{@code link}: card contract to account contract;</li>
 * <li>{@code card}: the card ({@code AGW-C-{op}}; virtual cards active at once);</li>
 * <li>{@code register}: ownership, the point from which the partner can see the card;</li>
 * <li>{@code load}: the initial amount through {@link CardMoney}, under an Idempotency-Key derived from the order,
 * so a resumed order never loads twice.</li>
 * </ol>
 */
@ApplicationScoped
public class CardOrders {

    static final String REGISTER = "register";

    /** The decline code of an order refused by the cap on an account's cards. */
    static final String MAX_CARDS = "MAX_CARDS_PER_ACCOUNT";

    @Inject
    CardCore core;
    @Inject
    OperationJournal journal;
    @Inject
    AccountOwnership accounts;
    @Inject
    CardOwnership cards;
    @Inject
    CardMoney money;
    @Inject
    CardSagaListeners listeners;
    @Inject
    CardCaps caps;
    @Inject
    io.anygate.domain.iban.KycGates kycGates;
    @Inject
    io.anygate.domain.iban.AccountKyc kyc;
    @Inject
    Clock clock;

    /** An order's outcome: the new card and the initial load's transaction. */
    public record Ordered(long cardId, long accountId, CardType type, Long loadTranId) {
    }

    public Ordered order(CardOrder rq) {
        OwnedAccount account = accounts.find(rq.partnerId(), rq.accountId())
                .orElseThrow(() -> new CardRefused(Reason.ACCOUNT_NOT_OWNED, "account not found for this partner"));
        if (rq.type().isVirtual() && !account.business()) {
            throw new CardRefused(Reason.VIRTUAL_NEEDS_BUSINESS_ACCOUNT, "virtual cards need a business account");
        }
        if (kycGates.needsKyc(rq.partnerId(), io.anygate.domain.iban.KycGates.Gate.CARD_ORDER)
                && !kyc.accepted(account.accountId())) {
            throw new CardRefused(Reason.KYC_REQUIRED, "the KYC of this account is not accepted");
        }
        Instant now = clock.instant();
        OperationId id = rq.idempotencyKey() == null ? OperationId.generate(now.toEpochMilli())
                : OperationId.fromIdempotencyKey(rq.partnerId(), OperationKind.CARD_ORDER, rq.idempotencyKey());
        Operation op = Operation.newSaga(id, rq.partnerId(), OperationKind.CARD_ORDER, rq.idempotencyKey(),
                rq.fingerprint(), account.accountId(), CardOrderData.of(rq, account), now);
        if (!journal.record(op)) {
            Operation existing = journal.find(id).orElseThrow();
            if (existing.requestFingerprint() != null && !existing.requestFingerprint().equals(rq.fingerprint())) {
                throw new CardRefused(Reason.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was used with other parameters");
            }
            if (existing.state() == OperationState.FAILED && MAX_CARDS.equals(existing.declineCode())) {
                throw maxCards();
            }
            if (existing.state() == OperationState.FAILED) {
                throw new CardRefused(Reason.ORDER_FAILED, "this order was cancelled; no card was made");
            }
            op = existing;
        }
        return run(op);
    }

    /**
     * The partner's cap on the cards of an account ({@code limits.cards_per_account}), counted after this order is
     * journaled: concurrent orders on any replica count each other, so they may all be refused near the cap but
     * never all pass it. A refused order ends FAILED before any TX write. Checked before the first step of every run,
     * so an order the reconciler resumes is held to it too.
     */
    private void checkCap(Operation op, long accountId) {
        OptionalLong cap = caps.perAccount(op.partnerId());
        if (cap.isEmpty() || cards.countWithOrdersUnderWay(op.partnerId(), accountId) <= cap.getAsLong()) {
            return;
        }
        journal.finish(op.id(), OperationState.FAILED, null, MAX_CARDS, clock.instant());
        throw maxCards();
    }

    private static CardRefused maxCards() {
        return new CardRefused(Reason.MAX_CARDS_PER_ACCOUNT, "this account has the most cards its partner allows");
    }

    /** Runs (or resumes) every step not journaled yet; the order is APPROVED once the load is done. */
    Ordered run(Operation op) {
        CardOrderData d = CardOrderData.read(op);
        if (op.step() == null) {
            checkCap(op, d.accountId());
        }
        SagaSteps saga = new SagaSteps(op, journal, clock, listeners::stepDone);
        String ccRid = "AGW-CC-" + op.id();
        long cardContractId = Long.parseLong(saga.step("card-contract", key -> Map.of("cardContractId",
                Long.toString(core.createCardContract(ccRid, d.holderSubjectId(), d.currency(), key))))
                .get("cardContractId"));
        saga.step("contract-activate", key -> {
            core.activateContract(cardContractId, key);
            return Map.of();
        });
        saga.step("link", key -> {
            core.linkToAccount(cardContractId, d.accountId(), key);
            return Map.of();
        });
        NewCard card = d.newCard("AGW-C-" + op.id(), cardContractId);
        long cardId = Long.parseLong(saga.step("card", key -> Map.of("cardId",
                Long.toString(core.createCard(card, key)))).get("cardId"));
        saga.step(REGISTER, key -> {
            cards.register(new OwnedCard(cardId, op.partnerId(), d.accountId(), cardContractId, d.currency(),
                    d.type().isVirtual()), op.id().value());
            return Map.of();
        });
        Long tranId = load(saga.operation(), cardId, d.amount());
        return new Ordered(cardId, d.accountId(), d.type(), tranId);
    }

    private Long load(Operation op, long cardId, BigDecimal amount) {
        String loadKey = "card-order-" + op.id();
        MoneyRequest rq = new MoneyRequest(op.partnerId(), cardId, amount, "", "", loadKey, loadKey + ":" + amount);
        try {
            CardMoney.Moved moved = money.initialLoad(rq);
            journal.finish(op.id(), OperationState.APPROVED, moved.tranId(), null, clock.instant());
            return moved.tranId();
        } catch (LoadRefused refused) {
            if (refused.reason() != LoadRefused.Reason.OUTCOME_UNKNOWN) {
                // The card exists and is the partner's; only its load was refused: the order ends here.
                journal.finish(op.id(), OperationState.DECLINED, null, refused.reason().name(), clock.instant());
            }
            throw refused;
        }
    }
}
