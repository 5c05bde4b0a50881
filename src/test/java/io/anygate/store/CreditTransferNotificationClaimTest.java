package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.domain.operation.UnitOfWork;
import io.anygate.domain.transfer.CreditTransfer;
import io.anygate.domain.transfer.CreditTransferExecution;
import io.anygate.domain.transfer.CreditTransferStatus;
import io.anygate.domain.transfer.CreditTransferStore;
import io.anygate.ops.CreditTransferJob;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pick-up of ended credit transfers for their {@code credit_transfer_processed} webhook is exclusive across
 * replicas: two claims running at once get disjoint transfers, a claim that read its candidates before another
 * replica's commit does not take them again, and two replicas notifying at once while transfers keep ending put
 * every transfer status in exactly one outbox event. The application's own credit transfer job is paused, so the
 * test's pickers are the only ones.
 */
@QuarkusTest
class CreditTransferNotificationClaimTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CreditTransferStore transfers;

    @Inject
    CreditTransferExecution execution;

    @Inject
    UnitOfWork unit;

    @Inject
    Store store;

    @Inject
    Scheduler scheduler;

    @Inject
    java.time.Clock clock;

    @BeforeEach
    void pauseTheJob() {
        scheduler.pause(CreditTransferJob.IDENTITY);
        // what earlier classes left ended is notified now, so that every claim below sees only this test's rows
        while (execution.notifyEnded() > 0) {
            // next batch
        }
    }

    @AfterEach
    void resumeTheJob() {
        scheduler.resume(CreditTransferJob.IDENTITY);
    }

    @Test
    void twoClaimsAtOnceTakeDisjointTransfers() throws Exception {
        List<Long> ids = ended("kappa", 6);
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // the first replica claims 3 and holds its unit open until the second one has claimed
            Future<List<Long>> first = pool.submit(() -> unit.inOne(() -> {
                List<Long> mine = idsOf(transfers.claimUnnotified(3));
                firstClaimed.countDown();
                await(secondDone);
                return mine;
            }));
            await(firstClaimed);
            Future<List<Long>> second = pool.submit(() -> unit.inOne(() -> idsOf(transfers.claimUnnotified(100))));
            List<Long> b = second.get(20, TimeUnit.SECONDS);
            secondDone.countDown();
            List<Long> a = first.get(20, TimeUnit.SECONDS);

            assertEquals(3, a.size());
            assertEquals(3, b.size(), "the second claim takes the rows the first one does not hold");
            assertEquals(new HashSet<>(ids), union(a, b), "disjoint claims of all six");
        } finally {
            secondDone.countDown();
            pool.shutdownNow();
        }
        assertEquals(List.of(), unit.inOne(() -> idsOf(transfers.claimUnnotified(100))), "all claimed once");
    }

    @Test
    void aClaimAfterAnotherReplicasCommitDoesNotTakeItsTransfersAgain() {
        List<Long> ids = ended("kappa", 4);
        List<Long> a = unit.inOne(() -> idsOf(transfers.claimUnnotified(2)));
        List<Long> b = unit.inOne(() -> idsOf(transfers.claimUnnotified(100)));
        assertEquals(2, a.size());
        assertEquals(2, b.size());
        assertEquals(new HashSet<>(ids), union(a, b));
    }

    @Test
    void aClaimWhoseUnitRollsBackLeavesTheTransfersToTheNextOne() {
        List<Long> ids = ended("kappa", 2);
        assertThrows(IllegalStateException.class, () -> unit.inOne(() -> {
            transfers.claimUnnotified(100);
            throw new IllegalStateException("the webhook could not be enqueued");
        }));
        assertEquals(ids, unit.inOne(() -> idsOf(transfers.claimUnnotified(100))));
    }

    @Test
    void aClaimOutsideAUnitOfWorkIsRefused() {
        assertThrows(IllegalStateException.class, () -> transfers.claimUnnotified(1));
    }

    @Test
    void twoReplicasNotifyingWhileTransfersEndPutEachTransferInOneDelivery() throws Exception {
        Set<Long> ids = java.util.Collections.synchronizedSet(new HashSet<>());
        AtomicBoolean producing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<?> producer = pool.submit(() -> {
                // transfers end a few at a time, so the two pickers keep seeing different candidates
                for (int i = 0; i < 60; i++) {
                    ids.addAll(ended(i % 3 == 0 ? "lambda" : "kappa", 1 + i % 4));
                }
                producing.set(false);
                return null;
            });
            List<Future<?>> pickers = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                pickers.add(pool.submit(() -> {
                    while (producing.get()) {
                        execution.notifyEnded();
                    }
                    while (execution.notifyEnded() > 0) {
                        // drain
                    }
                    return null;
                }));
            }
            producer.get(60, TimeUnit.SECONDS);
            for (Future<?> f : pickers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Long, Integer> deliveries = new HashMap<>();
        for (JsonNode event : processedEvents()) {
            JsonNode list = event.path("credit-transfers");
            assertTrue(list.size() >= 1 && list.size() <= 100, "1 to 100 transfers per delivery");
            for (JsonNode t : list) {
                deliveries.merge(t.path("internal_id").asLong(), 1, Integer::sum);
            }
        }
        for (long id : ids) {
            assertEquals(1, deliveries.getOrDefault(id, 0), "transfer " + id + " is in exactly one delivery");
        }
    }

    // n Executed, not yet notified transfers of the partner, committed together; their ids in order.
    private List<Long> ended(String partner, int n) {
        return unit.inOne(() -> {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long id = transfers.nextId();
                Instant now = clock.instant();
                transfers.add(new CreditTransfer(id, "claim-test-" + id, partner, 900_000 + id, "consumer",
                        "Alice Martin", "FR7630006000011234567890189", "AGRIFRPP", "Bob Durand",
                        "DE89370400440532013000", "COBADEFFXXX", "Rent", "Rent", new BigDecimal("1.00"), "EUR",
                        CreditTransferStatus.EXECUTED, 1, null, "9" + String.format("%011d", id), now, now, now));
                out.add(id);
            }
            return out;
        });
    }

    private List<JsonNode> processedEvents() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT payload FROM webhook_outbox WHERE event_type = 'credit_transfer_processed'");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(JSON.readTree(rs.getString(1)));
            }
        }
        return out;
    }

    private static Set<Long> union(List<Long> a, List<Long> b) {
        Set<Long> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static List<Long> idsOf(List<CreditTransfer> list) {
        return list.stream().map(CreditTransfer::id).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other replica never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
