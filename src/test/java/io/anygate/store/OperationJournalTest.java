package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.UnitOfWork;
import io.anygate.webhook.WebhookEvent;
import io.anygate.webhook.WebhookOutbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationJournalTest {

    @Inject
    OperationJournal journal;

    @Inject
    UnitOfWork units;

    @Inject
    WebhookOutbox outbox;

    @Inject
    Store store;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Operation credit(long cardId, String amount) {
        return Operation.newMoney(OperationId.generate(now.toEpochMilli()), "partner-a", OperationKind.CARD_CREDIT,
                null, "fp", 10L, cardId, new BigDecimal(amount), "EUR", MoneyComments.NONE, now);
    }

    @Test
    void recordsOnceAndReadsBackExactly() {
        Operation op = credit(1L, "12.34");
        assertTrue(journal.record(op));
        assertFalse(journal.record(op), "the same operation id must not be recorded twice");
        Operation read = journal.find(op.id()).orElseThrow();
        assertEquals(OperationState.PENDING, read.state());
        assertEquals(0, new BigDecimal("12.34").compareTo(read.amount()));
        assertEquals(op.createdAt(), read.createdAt());
    }

    @Test
    void onlyOneOfManyConcurrentResolversFinishesAnOperation() throws Exception {
        Operation op = credit(2L, "5.00");
        journal.record(op);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> finishers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                long tranId = 1000 + i;
                finishers.add(() -> journal.finish(op.id(), OperationState.APPROVED, tranId, null, Instant.now()));
            }
            int winners = 0;
            for (Future<Boolean> f : pool.invokeAll(finishers)) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(journal.finish(op.id(), OperationState.FAILED, null, null, Instant.now()),
                "a terminal operation must not change again");
        assertEquals(OperationState.APPROVED, journal.find(op.id()).orElseThrow().state());
    }

    @Test
    void sagaProgressAccumulates() {
        OperationId id = OperationId.generate(now.toEpochMilli());
        journal.record(Operation.newSaga(id, "partner-a", OperationKind.ACCOUNT_OPEN, null, "fp",
                Map.of("acc_type", "consumer"), now));
        journal.stepDone(id, "subject", Map.of("subjectId", "1001"), now);
        journal.stepDone(id, "contract", Map.of("contractId", "2001"), now);
        Operation read = journal.find(id).orElseThrow();
        assertEquals("contract", read.step());
        assertEquals(Map.of("acc_type", "consumer", "subjectId", "1001", "contractId", "2001"), read.data());
    }

    @Test
    void twoReconcilersNeverClaimTheSameOperation() throws Exception {
        long card = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        Set<OperationId> unknown = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Operation op = credit(card, "1.00");
            journal.record(op);
            journal.markUnknown(op.id(), now);
            unknown.add(op.id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Operation>> a = pool.submit(() -> journal.claimUnresolved("replica-a", Duration.ofSeconds(30),
                    Duration.ofMinutes(1), 1000, Instant.now()));
            Future<List<Operation>> b = pool.submit(() -> journal.claimUnresolved("replica-b", Duration.ofSeconds(30),
                    Duration.ofMinutes(1), 1000, Instant.now()));
            Set<OperationId> seenA = new HashSet<>();
            a.get().forEach(o -> seenA.add(o.id()));
            Set<OperationId> seenB = new HashSet<>();
            b.get().forEach(o -> seenB.add(o.id()));
            Set<OperationId> overlap = new HashSet<>(seenA);
            overlap.retainAll(seenB);
            assertTrue(overlap.isEmpty(), "claimed by both replicas: " + overlap);
            Set<OperationId> all = new HashSet<>(seenA);
            all.addAll(seenB);
            assertTrue(all.containsAll(unknown), "every unknown operation is claimed by one replica");
        } finally {
            pool.shutdownNow();
        }
        // While leased, nobody else gets them.
        List<Operation> again = journal.claimUnresolved("replica-c", Duration.ofSeconds(30), Duration.ofMinutes(1),
                1000, Instant.now());
        assertTrue(again.stream().noneMatch(o -> unknown.contains(o.id())));
    }

    @Test
    void loadSumsCountApprovedAndUnresolvedButNotDeclined() {
        long card = ThreadLocalRandom.current().nextLong(10_000_000, 90_000_000);
        Operation approved = credit(card, "10.00");
        Operation declined = credit(card, "20.00");
        Operation pending = credit(card, "0.50");
        journal.record(approved);
        journal.record(declined);
        journal.record(pending);
        journal.finish(approved.id(), OperationState.APPROVED, 1L, null, now);
        journal.finish(declined.id(), OperationState.DECLINED, null, "INSUFFICIENT_FUNDS", now);
        Instant minute = now.minusSeconds(60);
        Instant future = now.plusSeconds(60);
        var credits = journal.totalsOnCard(card, List.of(OperationKind.CARD_CREDIT), List.of(minute, future));
        assertEquals(0, new BigDecimal("10.50").compareTo(credits.get(minute).amount()));
        assertEquals(2, credits.get(minute).count(), "approved and pending count, declined does not");
        assertEquals(0, BigDecimal.ZERO.compareTo(credits.get(future).amount()), "each window on its own");
        assertEquals(0, credits.get(future).count());
        assertEquals(0, BigDecimal.ZERO.compareTo(journal.totalsOnCard(card, List.of(OperationKind.CARD_DEBIT),
                List.of(minute)).get(minute).amount()));
    }

    @Test
    void anApprovalAndItsWebhookRecordCommitTogetherOrNotAtAll() {
        long card = ThreadLocalRandom.current().nextLong(100_000_000, 900_000_000);
        long tranId = ThreadLocalRandom.current().nextLong(100_000_000, 900_000_000);
        Operation op = credit(card, "3.00");
        journal.record(op);

        RuntimeException crash = new IllegalStateException("the replica fails before the commit");
        assertEquals(crash, assertThrows(IllegalStateException.class, () -> units.inOne(() -> {
            outbox.enqueueBuild("partner-a", card, tranId);
            journal.finish(op.id(), OperationState.APPROVED, tranId, null, now);
            throw crash;
        })));
        assertEquals(OperationState.PENDING, journal.find(op.id()).orElseThrow().state(), "the approval rolled back");
        assertTrue(webhookOf(tranId).isEmpty(), "and the webhook record with it");

        units.inOne(() -> {
            assertTrue(outbox.enqueueBuild("partner-a", card, tranId));
            assertTrue(journal.finish(op.id(), OperationState.APPROVED, tranId, null, now));
            assertEquals(OperationState.APPROVED, journal.find(op.id()).orElseThrow().state(),
                    "the unit reads its own writes");
            // Another connection sees neither before the commit.
            assertEquals(OperationState.PENDING, CompletableFuture.supplyAsync(
                    () -> journal.find(op.id()).orElseThrow().state()).join());
            assertTrue(CompletableFuture.supplyAsync(() -> webhookOf(tranId)).join().isEmpty());
            return null;
        });
        assertEquals(OperationState.APPROVED, journal.find(op.id()).orElseThrow().state());
        assertEquals("partner-a", webhookOf(tranId).orElseThrow().partnerId());
    }

    @Test
    void aUnitInsideAUnitJoinsItAndWritesOutsideAUnitCommitAtOnce() {
        Operation op = credit(ThreadLocalRandom.current().nextLong(100_000_000, 900_000_000), "4.00");
        journal.record(op);
        assertThrows(IllegalStateException.class, () -> units.inOne(() -> {
            units.inOne(() -> journal.finish(op.id(), OperationState.APPROVED, 9L, null, now));
            throw new IllegalStateException("the outer unit fails after the inner one returned");
        }));
        assertEquals(OperationState.PENDING, journal.find(op.id()).orElseThrow().state(),
                "the inner unit was part of the outer one");

        // The unit's connection went back to the pool in auto-commit: a plain write is seen by others at once.
        journal.markUnknown(op.id(), now);
        assertEquals(OperationState.UNKNOWN, CompletableFuture.supplyAsync(
                () -> journal.find(op.id()).orElseThrow().state()).join());
    }

    private java.util.Optional<io.anygate.webhook.OutboxEntry> webhookOf(long tranId) {
        return new JdbcWebhookOutbox(store.dataSource()).find(WebhookEvent.cardLastTxId(Long.toString(tranId)));
    }

    @Test
    void oneLeaseHolderAtATimeAndTheReconcilerKeepsOutOfALeasedOperation() {
        Operation op = credit(ThreadLocalRandom.current().nextLong(100_000_000, 900_000_000), "5.00");
        journal.record(op);
        journal.markUnknown(op.id(), now);
        Instant until = now.plusSeconds(60);
        assertTrue(journal.lease(op.id(), "retry-1", until, now));
        assertFalse(journal.lease(op.id(), "retry-2", until, now), "held by another");
        assertTrue(journal.lease(op.id(), "retry-1", until.plusSeconds(5), now), "its holder renews it");
        assertTrue(journal.claimUnresolved("replica-a", Duration.ofSeconds(30), Duration.ofMinutes(1), 1000, now)
                .stream().noneMatch(o -> o.id().equals(op.id())), "a pass does not take a leased operation");
        journal.release(op.id(), "retry-2");
        assertFalse(journal.lease(op.id(), "retry-2", until, now), "only its holder gives it back");
        assertTrue(journal.lease(op.id(), "retry-2", until, until.plusSeconds(10)), "an expired lease is free");
        journal.release(op.id(), "retry-2");
        assertTrue(journal.claimUnresolved("replica-a", Duration.ofSeconds(30), Duration.ofMinutes(1), 1000, now)
                .stream().anyMatch(o -> o.id().equals(op.id())), "given back, a pass takes it");
        journal.finish(op.id(), OperationState.APPROVED, 7L, null, now);
        assertFalse(journal.lease(op.id(), "retry-3", until, until.plusSeconds(120)), "an ended operation has none");
    }
}
