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
        money.kycGates = (partner, gate) -> false; // the gates are tested end to end: AccountKycApiTest
        money.kyc = account -> true;
        resumer.journal = journal;
        resumer.ledger = ledger;
        resumer.cards = money.cards;
        resumer.money = money;
        resumer.clock = clock;
        // No lookup in the request by default: the reconciler's side of the rule is what most tests look at.
        money.config = TestMoneyConfig.lookupInRequestWithin(Duration.ZERO);
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
    void anUnknownOutcomeTxNeverRegisteredIsNeverSentAgainAndFailsOnceTxsWindowHasPassed() {
        ledger.faults.add(Fault.TIMEOUT_NOT_APPLIED);
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("7.00", null)));
        assertEquals(Reason.OUTCOME_UNKNOWN, refused.reason());
        OperationId id = new OperationId(refused.operationId());
        reconcile();
        assertEquals(OperationState.UNKNOWN, journal.find(id).orElseThrow().state(), "a send in flight may still land");
        pastTxsWindow();
        reconcile();
        Operation op = journal.find(id).orElseThrow();
        assertEquals(OperationState.FAILED, op.state());
        assertEquals(1, ledger.sentKeys.size(), "resolved by looking up, never by sending again");
        assertEquals(null, ledger.balances.get(CARD_CONTRACT));
        assertTrue(webhooks.isEmpty());
        assertTrue(ledger.lookedUpWith.stream().allMatch(op.createdAt()::equals),
                "every lookup names the journaled send time: " + ledger.lookedUpWith);
    }

    @Test
    void everyAttemptKnownNotToHaveReachedTxFailsAtOnceAndIsNeverSentLater() {
        ledger.faults.add(Fault.NOT_SENT);
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("7.00", "never")));
        assertEquals(Reason.NOT_APPLIED, refused.reason(), "not done: not the 'unknown' of a lost answer");
        OperationId id = new OperationId(refused.operationId());
        assertEquals(OperationState.FAILED, journal.find(id).orElseThrow().state());
        pastTxsWindow();
        reconcile();
        assertEquals(Reason.NOT_APPLIED,
                assertThrows(LoadRefused.class, () -> money.credit(credit("7.00", "never"))).reason(),
                "a keyed retry gets the settled outcome");
        assertTrue(ledger.sentKeys.isEmpty(), "never sent later");
        assertEquals(null, ledger.balances.get(CARD_CONTRACT));
    }

    @Test
    void aLostAnswerIsLookedUpInThePartnersOwnRequestWhileItHasTime() {
        money.config = TestMoneyConfig.lookupInRequestWithin(Duration.ofSeconds(25));
        ledger.faults.add(Fault.LOSE_ANSWER_AFTER_APPLYING);
        CardMoney.Moved moved = money.credit(credit("10.00", null));
        assertEquals(OperationState.APPROVED, journal.find(moved.operation().id()).orElseThrow().state());
        assertEquals(List.of(moved.tranId()), webhooks);
        assertEquals(1, ledger.sentKeys.size());
        assertEquals(List.of(moved.operation().createdAt()), ledger.lookedUpWith);
    }

    @Test
    void aLookupInTheRequestThatFindsNothingLeavesItUnknownNotFailed() {
        money.config = TestMoneyConfig.lookupInRequestWithin(Duration.ofSeconds(25));
        ledger.faults.add(Fault.TIMEOUT_NOT_APPLIED);
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("10.00", null)));
        assertEquals(Reason.OUTCOME_UNKNOWN, refused.reason(), "TX's window is still open: it may yet land");
        assertEquals(1, ledger.lookedUpWith.size());
        assertEquals(OperationState.UNKNOWN,
                journal.find(new OperationId(refused.operationId())).orElseThrow().state());
    }

    @Test
    void anOperationSentMoreThanOnceCannotBeAskedForEveryWindowAndIsLeftToAnOperator() {
        // Sent twice under the earlier re-drive rule: only the first send time is known to the lookup.
        Operation old = Operation.newMoney(OperationId.fromIdempotencyKey("p1", OperationKind.CARD_CREDIT, "old"),
                "p1", OperationKind.CARD_CREDIT, "old", "fp-5.00", ACCOUNT, CARD, new BigDecimal("5.00"), "EUR",
                MoneyComments.NONE, now.get());
        assertTrue(journal.record(old));
        now.set(now.get().plusSeconds(90));
        journal.attemptStarted(old.id(), now.get());
        journal.markUnknown(old.id(), now.get());
        now.set(now.get().plus(Duration.ofMinutes(10)));
        reconcile();
        assertEquals(OperationState.UNKNOWN, journal.find(old.id()).orElseThrow().state(),
                "a lookup that cannot cover every send proves nothing: never FAILED by guess");
        assertTrue(ledger.sentKeys.isEmpty());
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
    void aKeyedRetryNeverSendsAndGetsTheOutcomeOnceItIsSettled() {
        ledger.faults.add(Fault.TIMEOUT_NOT_APPLIED);
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("7.00", "late")));
        OperationId id = new OperationId(refused.operationId());
        // Within TX's window the retry can only say "unknown"; it sends nothing.
        assertEquals(Reason.OUTCOME_UNKNOWN,
                assertThrows(LoadRefused.class, () -> money.credit(credit("7.00", "late"))).reason());
        assertEquals(1, ledger.sentKeys.size());
        assertEquals(OperationState.UNKNOWN, journal.find(id).orElseThrow().state());
        // After it, the retry's own lookup settles it: not applied.
        pastTxsWindow();
        assertEquals(Reason.NOT_APPLIED,
                assertThrows(LoadRefused.class, () -> money.credit(credit("7.00", "late"))).reason());
        assertEquals(OperationState.FAILED, journal.find(id).orElseThrow().state());
        assertEquals(1, ledger.sentKeys.size());
    }

    private static LoadLimits perDay(String amount) {
        return new LoadLimits(null, null, new BigDecimal(amount), null, null, null, null, null);
    }

    /** Past TX's matching window after the journaled send time: a lookup finding nothing is then final. */
    private void pastTxsWindow() {
        now.set(now.get().plusSeconds(56));
    }

    @Test
    void aLoadJournaledByAReplicaThatDiedBeforeSendingItIsNeverSentAndFails() {
        limits = perDay("100");
        money.credit(credit("90.00", "k1"));
        // Journaled (with its send time), then the replica died before sending it: TX never saw it.
        Operation crashed = Operation.newMoney(OperationId.fromIdempotencyKey("p1", OperationKind.CARD_CREDIT, "k2"),
                "p1", OperationKind.CARD_CREDIT, "k2", "fp-50.00", ACCOUNT, CARD, new BigDecimal("50.00"), "EUR",
                MoneyComments.NONE, now.get());
        assertTrue(journal.record(crashed));
        now.set(now.get().plusSeconds(31));
        reconcile();
        assertEquals(new BigDecimal("90.00"), ledger.balances.get(CARD_CONTRACT));
        assertEquals(1, ledger.sentKeys.size());
        // The partner's retry learns that it is not final yet, and sends nothing either.
        LoadRefused retry = assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", "k2")));
        assertEquals(Reason.OUTCOME_UNKNOWN, retry.reason());
        assertEquals(1, ledger.sentKeys.size());
        pastTxsWindow();
        reconcile();
        assertEquals(OperationState.FAILED, journal.find(crashed.id()).orElseThrow().state());
        assertEquals(Reason.NOT_APPLIED, assertThrows(LoadRefused.class,
                () -> money.credit(credit("50.00", "k2"))).reason());
        assertEquals(1, ledger.sentKeys.size());
    }

    @Test
    void aLimitRefusalThatCannotBeJournaledIsStillFinalAndNeverSent() {
        limits = perDay("100");
        money.credit(credit("90.00", "k1"));
        failNextDeclineFinish = true;
        LoadRefused refused = assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", "k2")));
        assertEquals(Reason.MAX_LOAD_PER_DAY, refused.reason(), "never sent, so the refusal is final");
        now.set(now.get().plusSeconds(56));
        reconcile();
        OperationId id = OperationId.fromIdempotencyKey("p1", OperationKind.CARD_CREDIT, "k2");
        assertEquals(OperationState.FAILED, journal.find(id).orElseThrow().state());
        assertEquals(new BigDecimal("90.00"), ledger.balances.get(CARD_CONTRACT));
        assertEquals(1, ledger.sentKeys.size());
    }

    @Test
    void whenTheLimitsCannotBeReadTheLoadFailsAtOnceAndIsNeverSent() {
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
        assertEquals(Reason.NOT_APPLIED, refused.reason());
        OperationId id = OperationId.fromIdempotencyKey("p1", OperationKind.CARD_CREDIT, "k");
        assertEquals(OperationState.FAILED, flaky.find(id).orElseThrow().state());
        now.set(now.get().plusSeconds(56));
        new Reconciler(flaky, List.of(resumer), money.clock).runOnce("test", Duration.ofSeconds(30),
                Duration.ofMinutes(1), 100);
        assertTrue(ledger.sentKeys.isEmpty());
        assertEquals(null, ledger.balances.get(CARD_CONTRACT));
    }

    @Test
    void aRetryNeverSendsWhileTheReconcilerHoldsTheOperationSoTheyCannotEndItDifferently() {
        ledger.faults.add(Fault.TIMEOUT_NOT_APPLIED);
        assertEquals(Reason.OUTCOME_UNKNOWN,
                assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", "k"))).reason());
        // The reconciler claims the operation; meanwhile the partner retries with the same Idempotency-Key.
        Operation claimed = journal.claimUnresolved("replica-a", Duration.ofSeconds(30), Duration.ofMinutes(1), 10,
                now.get()).get(0);
        LoadRefused retry = assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", "k")));
        assertEquals(Reason.OUTCOME_UNKNOWN, retry.reason(), "the retry leaves it to the reconciler");
        assertEquals(1, ledger.sentKeys.size(), "and sends nothing");
        pastTxsWindow();
        resumer.resume(claimed);
        Operation op = journal.find(claimed.id()).orElseThrow();
        assertEquals(OperationState.FAILED, op.state());
        assertEquals(1, ledger.sentKeys.size());
        assertTrue(webhooks.isEmpty());
        // Now the retry answers the outcome the journal and TX agree on.
        assertEquals(Reason.NOT_APPLIED,
                assertThrows(LoadRefused.class, () -> money.credit(credit("50.00", "k"))).reason());
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
