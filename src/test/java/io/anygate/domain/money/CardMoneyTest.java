package io.anygate.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.FakeLedger.Fault;
import io.anygate.domain.money.LoadRefused.Reason;
import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.Reconciler;
import io.anygate.domain.operation.UnitOfWork;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The money rules with the journal and TX faked: exactly once, never lost, never guessed. */
class CardMoneyTest {

    static final long ACCOUNT = 100, CARD_CONTRACT = 200, CARD = 300;
    static final OwnedCard MY_CARD = new OwnedCard(CARD, "p1", ACCOUNT, CARD_CONTRACT, "EUR", false);

    /** The store refuses to journal the next decline (a hiccup right after a limit refused a load). */
    boolean failNextDeclineFinish;
    InMemoryJournal journal = new InMemoryJournal() {
        @Override
        public synchronized boolean finish(OperationId id, OperationState state, Long tranId, String code,
                Instant at) {
            if (failNextDeclineFinish && state == OperationState.DECLINED) {
                failNextDeclineFinish = false;
                throw new IllegalStateException("store unavailable");
            }
            return super.finish(id, state, tranId, code, at);
        }
    };
    FakeLedger ledger = new FakeLedger();
    List<Long> webhooks = new ArrayList<>();
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-23T10:00:00Z"));
    LoadLimits limits = LoadLimits.none();
    CardMoney money = new CardMoney();
    MoneyResumer resumer = new MoneyResumer();

    @BeforeEach
    void wire() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        money.cards = new OneCard(MY_CARD);
        money.journal = journal;
        money.ledger = ledger;
        money.limitsPolicy = partner -> limits;
        money.limitChecker = new LoadLimitChecker();
        money.limitChecker.journal = journal;
        money.events = (op, card, tranId) -> webhooks.add(tranId);
        money.units = new UnitOfWork() { // no store here: each write of the in-memory journal stands on its own
            @Override
            public <T> T inOne(java.util.function.Supplier<T> work) {
                return work.get();
            }
        };
        money.clock = clock;
        resumer.journal = journal;
        resumer.ledger = ledger;
        resumer.cards = money.cards;
        resumer.money = money;
        resumer.clock = clock;
        resumer.config = TestMoneyConfig.redriveWithin(Duration.ofMinutes(10));
        money.config = resumer.config;
        ledger.balances.put(ACCOUNT, new BigDecimal("1000.00"));
    }

    private MoneyRequest credit(String amount, String idemKey) {
        return new MoneyRequest("p1", CARD, new BigDecimal(amount), "acc", "card", idemKey, "fp-" + amount);
    }

    private void reconcile() {
        new Reconciler(journal, List.of(resumer), money.clock).runOnce("test", Duration.ofSeconds(30), Duration.ofMinutes(1), 100);
    }

    @Test
    void anApprovedLoadIsJournaledAndNotifiedOnce() {
        CardMoney.Moved moved = money.credit(credit("25.50", null));
        Operation op = journal.find(moved.operation().id()).orElseThrow();
        assertEquals(OperationState.APPROVED, op.state());
        assertEquals(moved.tranId(), op.txTranId());
        assertEquals(List.of(moved.tranId()), webhooks);
        assertEquals(new BigDecimal("25.50"), ledger.balances.get(CARD_CONTRACT));
    }

    @Test
    void anApprovalWhoseWebhookCannotBeRecordedIsStillJournaledAndAnswered() {
        // The money has moved: the partner hears so, and the operation is APPROVED (the follower owes the webhook).
        money.events = (op, card, tranId) -> {
            throw new IllegalStateException("webhook outbox unavailable");
        };
        CardMoney.Moved moved = money.credit(credit("7.00", null));
        Operation op = journal.find(moved.operation().id()).orElseThrow();
        assertEquals(OperationState.APPROVED, op.state());
        assertEquals(moved.tranId(), op.txTranId());
        assertEquals(new BigDecimal("7.00"), ledger.balances.get(CARD_CONTRACT));
    }

    @Test
    void aLostAnswerIsResolvedFromTxByMatchKeyAndAppliedOnce() {
        ledger.faults.add(Fault.LOSE_ANSWER_AFTER_APPLYING);
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("10.00", null)));
        assertEquals(Reason.OUTCOME_UNKNOWN, refused.reason());
        Operation op = journal.find(new OperationId(refused.operationId())).orElseThrow();
        assertEquals(OperationState.UNKNOWN, op.state());

        reconcile();

        op = journal.find(op.id()).orElseThrow();
        assertEquals(OperationState.APPROVED, op.state());
        assertEquals(1, ledger.applied());
        assertEquals(1, ledger.sentKeys.size(), "resolved by a lookup, not by sending again");
        assertEquals(new BigDecimal("10.00"), ledger.balances.get(CARD_CONTRACT));
        assertEquals(1, webhooks.size());
    }

    @Test
    void aTransferTxNeverSawIsReDrivenUnderTheSameMatchKey() {
        ledger.faults.add(Fault.TIMEOUT_NOT_APPLIED);
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("7.00", null)));
        reconcile();
        Operation op = journal.find(new OperationId(refused.operationId())).orElseThrow();
        assertEquals(OperationState.APPROVED, op.state());
        assertEquals(2, ledger.sentKeys.size());
        assertEquals(ledger.sentKeys.get(0), ledger.sentKeys.get(1), "a re-drive reuses the matchKey");
        assertEquals(new BigDecimal("7.00"), ledger.balances.get(CARD_CONTRACT));
    }

    @Test
    void pastTheReDriveWindowAnUnappliedTransferIsFailedNotGuessed() {
        ledger.faults.add(Fault.TIMEOUT_NOT_APPLIED);
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("7.00", null)));
        now.set(now.get().plus(Duration.ofMinutes(11)));
        reconcile();
        Operation op = journal.find(new OperationId(refused.operationId())).orElseThrow();
        assertEquals(OperationState.FAILED, op.state());
        assertEquals(null, ledger.balances.get(CARD_CONTRACT));
        assertTrue(webhooks.isEmpty());
    }

    @Test
    void whileTxCannotBeAskedTheOperationStaysUnresolved() {
        ledger.faults.add(Fault.LOSE_ANSWER_AFTER_APPLYING);
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("3.00", null)));
        ledger.lookupUnavailable = true;
        reconcile();
        assertEquals(OperationState.UNKNOWN,
                journal.find(new OperationId(refused.operationId())).orElseThrow().state());
        ledger.lookupUnavailable = false;
        reconcile();
        assertEquals(OperationState.APPROVED,
                journal.find(new OperationId(refused.operationId())).orElseThrow().state());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyNeverMovesMoneyTwice() {
        CardMoney.Moved first = money.credit(credit("40.00", "key-1"));
        CardMoney.Moved second = money.credit(credit("40.00", "key-1"));
        assertEquals(first.tranId(), second.tranId());
        assertEquals(1, ledger.sentKeys.size());
        assertEquals(new BigDecimal("40.00"), ledger.balances.get(CARD_CONTRACT));
    }

    @Test
    void aRetryAfterALostAnswerResolvesTheSameOperation() {
        ledger.faults.add(Fault.LOSE_ANSWER_AFTER_APPLYING);
        assertThrows(LoadRefused.class, () -> money.credit(credit("40.00", "key-2")));
        CardMoney.Moved retried = money.credit(credit("40.00", "key-2"));
        assertEquals(OperationState.APPROVED, journal.find(retried.operation().id()).orElseThrow().state());
        assertEquals(1, ledger.applied());
        assertEquals(new BigDecimal("40.00"), ledger.balances.get(CARD_CONTRACT));
    }

    @Test
    void anIdempotencyKeyReusedWithOtherParametersIsRefusedWithoutCallingTx() {
        money.credit(credit("40.00", "key-3"));
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("41.00", "key-3")));
        assertEquals(Reason.IDEMPOTENCY_KEY_REUSED, refused.reason());
        assertEquals(1, ledger.sentKeys.size());
    }

    @Test
    void declinesMapByDirection() {
        LoadRefused tooLow = assertThrows(LoadRefused.class, () -> money.credit(credit("5000.00", null)));
        assertEquals(Reason.ACCOUNT_BALANCE_TOO_LOW, tooLow.reason());
        LoadRefused cardTooLow = assertThrows(LoadRefused.class, () -> money.debit(
                new MoneyRequest("p1", CARD, new BigDecimal("1.00"), "a", "c", null, "fp")));
        assertEquals(Reason.CARD_BALANCE_TOO_LOW, cardTooLow.reason());
        assertEquals(OperationState.DECLINED,
                journal.find(new OperationId(cardTooLow.operationId())).orElseThrow().state());
    }

    @Test
    void cardStandingAndOwnershipAreCheckedBeforeAnyTxWrite() {
        assertEquals(Reason.CARD_NOT_OWNED, assertThrows(LoadRefused.class, () -> money.credit(
                new MoneyRequest("p2", CARD, BigDecimal.ONE, "a", "c", null, "fp"))).reason());
        ledger.standing = CardStanding.CANCELLED;
        assertEquals(Reason.CARD_CANCELLED, assertThrows(LoadRefused.class, () -> money.credit(credit("1", null)))
                .reason());
        ledger.standing = CardStanding.NOT_ACTIVATED;
        assertEquals(Reason.CARD_NOT_ACTIVATED,
                assertThrows(LoadRefused.class, () -> money.credit(credit("1", null))).reason());
        assertTrue(ledger.sentKeys.isEmpty());
    }

    @Test
    void amountsAreCheckedAgainstTheCurrencyAndTheBounds() {
        limits = new LoadLimits(new BigDecimal("5"), new BigDecimal("100"), null, null, null, null, null, null);
        assertEquals(Reason.AMOUNT_TOO_LOW, assertThrows(LoadRefused.class, () -> money.credit(credit("4.99", null)))
                .reason());
        assertEquals(Reason.AMOUNT_TOO_HIGH,
                assertThrows(LoadRefused.class, () -> money.credit(credit("100.01", null))).reason());
        assertEquals(Reason.AMOUNT_PRECISION,
                assertThrows(LoadRefused.class, () -> money.credit(credit("10.001", null))).reason());
        assertEquals(Reason.AMOUNT_TOO_LOW, assertThrows(LoadRefused.class, () -> money.credit(credit("-1", null)))
                .reason());
        assertTrue(ledger.sentKeys.isEmpty());
    }

    @Test
    void anUnloadIsNotBoundByTheLoadMinimumAndMaximum() {
        // Two loads put more on the card than one load may; one unload takes it all back, and a remainder below the
        // load minimum is not trapped on the card.
        limits = new LoadLimits(new BigDecimal("5"), new BigDecimal("100"), null, null, null, null, null, null);
        money.credit(credit("100.00", null));
        money.credit(credit("60.00", null));
        money.debit(new MoneyRequest("p1", CARD, new BigDecimal("157.00"), null, null, null, "fp-d1"));
        money.debit(new MoneyRequest("p1", CARD, new BigDecimal("3.00"), null, null, null, "fp-d2"));
        assertEquals(0, BigDecimal.ZERO.compareTo(ledger.balances.get(CARD_CONTRACT)));
        assertEquals(Reason.AMOUNT_PRECISION, assertThrows(LoadRefused.class, () -> money.debit(
                new MoneyRequest("p1", CARD, new BigDecimal("0.001"), null, null, null, "fp-d3"))).reason());
    }

    @Test
    void periodLimitsCountApprovedLoadsAndRefuseTheOneThatWouldExceed() {
        limits = new LoadLimits(null, null, new BigDecimal("100"), null, null, null, null, 3);
        money.credit(credit("60.00", null));
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", null)));
        assertEquals(Reason.MAX_LOAD_PER_DAY, refused.reason());
        money.credit(credit("40.00", null));
        now.set(now.get().plus(Duration.ofHours(25)));
        money.credit(credit("90.00", null));
        money.credit(credit("1.00", null));
        money.credit(credit("1.00", null));
        assertEquals(Reason.LOAD_CAPACITY,
                assertThrows(LoadRefused.class, () -> money.credit(credit("1.00", null))).reason());
        assertEquals(0, new BigDecimal("192.00").compareTo(ledger.balances.get(CARD_CONTRACT)));
        assertEquals(OperationState.DECLINED, journal.ops.values().stream()
                .filter(o -> o.amount().compareTo(new BigDecimal("50")) == 0).findFirst().orElseThrow().state());
        assertEquals(OperationKind.CARD_CREDIT, journal.ops.values().iterator().next().kind());
    }

    @Test
    void whenTxCannotTellTheCardStandingNothingIsJournaledSoNothingCanMoveLater() {
        ledger.standingUnavailable = true;
        assertEquals(Reason.CORE_UNAVAILABLE,
                assertThrows(LoadRefused.class, () -> money.credit(credit("5.00", null))).reason());
        assertTrue(journal.ops.isEmpty());
        assertTrue(ledger.sentKeys.isEmpty());
    }

    @Test
    void afterTheWindowNobodySendsAndFailedWaitsForTheStaleDelay() {
        ledger.faults.add(Fault.TIMEOUT_NOT_APPLIED);
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("7.00", "late")));
        OperationId id = new OperationId(refused.operationId());
        now.set(now.get().plus(Duration.ofMinutes(10)).plusSeconds(5));
        // A partner retry past the window does not send: the outcome is left to the reconciler.
        assertEquals(Reason.OUTCOME_UNKNOWN,
                assertThrows(LoadRefused.class, () -> money.credit(credit("7.00", "late"))).reason());
        assertEquals(1, ledger.sentKeys.size());
        reconcile();
        assertEquals(OperationState.UNKNOWN, journal.find(id).orElseThrow().state(), "a late send may still land");
        now.set(now.get().plusSeconds(30));
        reconcile();
        assertEquals(OperationState.FAILED, journal.find(id).orElseThrow().state());
        assertEquals(1, ledger.sentKeys.size());
    }

    private static LoadLimits perDay(String amount) {
        return new LoadLimits(null, null, new BigDecimal(amount), null, null, null, null, null);
    }

    private void pastTheWindowAndTheStaleDelay() {
        now.set(now.get().plus(Duration.ofMinutes(10)).plusSeconds(31));
    }

    @Test
    void aLoadJournaledByAReplicaThatDiedBeforeCheckingItsLimitsIsNeverSentPastThem() {
        limits = perDay("100");
        money.credit(credit("90.00", "k1"));
        // Journaled (with its first attempt), then the replica died before the limit check: TX never saw it.
        Operation crashed = Operation.newMoney(OperationId.fromIdempotencyKey("p1", OperationKind.CARD_CREDIT, "k2"),
                "p1", OperationKind.CARD_CREDIT, "k2", "fp-50.00", ACCOUNT, CARD, new BigDecimal("50.00"), "EUR",
                MoneyComments.NONE, now.get());
        assertTrue(journal.record(crashed));
        now.set(now.get().plusSeconds(31));
        reconcile();
        assertEquals(new BigDecimal("90.00"), ledger.balances.get(CARD_CONTRACT), "not sent past the daily limit");
        assertEquals(1, ledger.sentKeys.size());
        // The partner's retry learns that it is not final yet, and sends nothing either.
        LoadRefused retry = assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", "k2")));
        assertEquals(Reason.OUTCOME_UNKNOWN, retry.reason());
        assertEquals(1, ledger.sentKeys.size());
        pastTheWindowAndTheStaleDelay();
        reconcile();
        assertEquals(OperationState.FAILED, journal.find(crashed.id()).orElseThrow().state());
        assertEquals(Reason.DECLINED_OTHER, assertThrows(LoadRefused.class,
                () -> money.credit(credit("50.00", "k2"))).reason());
    }

    @Test
    void aLimitRefusalThatCannotBeJournaledIsNotFinalToThePartnerAndNeverSentLater() {
        limits = perDay("100");
        money.credit(credit("90.00", "k1"));
        failNextDeclineFinish = true;
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", "k2")));
        assertEquals(Reason.OUTCOME_UNKNOWN, refused.reason(), "not a 500, and not told 'refused' as if final");
        now.set(now.get().plusSeconds(31));
        reconcile();
        assertEquals(new BigDecimal("90.00"), ledger.balances.get(CARD_CONTRACT));
        assertEquals(1, ledger.sentKeys.size());
    }

    @Test
    void whenTheLimitsCannotBeReadTheLoadIsLeftUnresolvedAndSentOnceTheyAllowIt() {
        limits = perDay("100");
        InMemoryJournal flaky = new InMemoryJournal() {
            boolean failed;

            @Override
            public Map<Instant, Totals> totalsOnCard(long cardId, Collection<OperationKind> kinds,
                    Collection<Instant> since) {
                if (!failed) {
                    failed = true;
                    throw new IllegalStateException("store unavailable");
                }
                return super.totalsOnCard(cardId, kinds, since);
            }
        };
        money.journal = flaky;
        money.limitChecker.journal = flaky;
        resumer.journal = flaky;
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("30.00", "k")));
        assertEquals(Reason.OUTCOME_UNKNOWN, refused.reason());
        assertTrue(ledger.sentKeys.isEmpty());
        new Reconciler(flaky, List.of(resumer), money.clock).runOnce("test", Duration.ofSeconds(30),
                Duration.ofMinutes(1), 100);
        assertEquals(new BigDecimal("30.00"), ledger.balances.get(CARD_CONTRACT));
        OperationId id = OperationId.fromIdempotencyKey("p1", OperationKind.CARD_CREDIT, "k");
        assertEquals(OperationState.APPROVED, flaky.find(id).orElseThrow().state());
    }

    @Test
    void aRetryNeverSendsWhileTheReconcilerHoldsTheOperationSoTheyCannotEndItDifferently() {
        ledger.balances.put(ACCOUNT, new BigDecimal("10.00"));
        ledger.faults.add(Fault.TIMEOUT_NOT_APPLIED);
        assertEquals(Reason.OUTCOME_UNKNOWN,
                assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", "k"))).reason());
        // The reconciler claims the operation; meanwhile the partner retries with the same Idempotency-Key.
        Operation claimed = journal.claimUnresolved("replica-a", Duration.ofSeconds(30), Duration.ofMinutes(1), 10,
                now.get()).get(0);
        LoadRefused retry = assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", "k")));
        assertEquals(Reason.OUTCOME_UNKNOWN, retry.reason(), "the retry leaves it to the reconciler");
        assertEquals(1, ledger.sentKeys.size(), "and sends nothing");
        ledger.balances.put(ACCOUNT, new BigDecimal("100.00"));
        resumer.resume(claimed);
        Operation op = journal.find(claimed.id()).orElseThrow();
        assertEquals(OperationState.APPROVED, op.state());
        assertEquals(new BigDecimal("50.00"), ledger.balances.get(CARD_CONTRACT));
        assertEquals(List.of(op.txTranId()), webhooks);
        // Now the retry answers the approval the journal and TX agree on.
        assertEquals(op.txTranId(), money.credit(credit("50.00", "k")).tranId());
    }

    @Test
    void aRetryAfterALostAnswerAsksTxFirstAndIsNotRefusedByLimitsChangedSince() {
        ledger.faults.add(Fault.LOSE_ANSWER_AFTER_APPLYING);
        assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", "k")));
        // The partner's limits were lowered since; the load was checked and applied before that.
        limits = new LoadLimits(null, new BigDecimal("10.00"), new BigDecimal("20.00"), null, null, null, null, null);
        CardMoney.Moved moved = money.credit(credit("50.00", "k"));
        assertEquals(OperationState.APPROVED, journal.find(moved.operation().id()).orElseThrow().state());
        assertEquals(new BigDecimal("50.00"), ledger.balances.get(CARD_CONTRACT));
        assertEquals(1, ledger.sentKeys.size(), "TX was asked by matchKey, nothing sent again");
    }
}
