package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.card.DeliveryQuota;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The daily sends of a card's delivery services in the store (V61 {@code card_delivery_count}): what replicas share.
 * Concurrent takers, each on its own connection as separate replicas are, never take more than the day's number.
 */
@QuarkusTest
class DeliveryQuotaTest {

    @Inject
    DeliveryQuota quota;

    // Card ids of this run only (the PostgreSQL schema lives as long as the test JVM).
    private final long card = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    private final LocalDate today = LocalDate.of(2026, 12, 6);

    @Test
    void aDayHasItsNumberOfSendsPerCardAndService() {
        for (int i = 0; i < 3; i++) {
            assertTrue(quota.take(card, "pin", today, 3), "send " + (i + 1));
        }
        assertFalse(quota.take(card, "pin", today, 3), "a fourth");
        assertFalse(quota.take(card, "pin", today, 3), "a refusal counts nothing, the count stays full");
        assertTrue(quota.take(card, "pin", today, 4), "a raised limit applies at once");
        assertTrue(quota.take(card, "pan", today, 3), "another service counts apart");
        assertTrue(quota.take(card, "pin", today.plusDays(1), 3), "the next day starts again");
        assertTrue(quota.take(card + 1, "pin", today, 3), "another card counts apart");
        assertFalse(quota.take(card + 2, "pin", today, 0), "a limit of 0 refuses all");
    }

    @Test
    void concurrentTakersNeverPassTheNumber() throws Exception {
        int takers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                calls.add(() -> {
                    start.await();
                    return quota.take(card, "pan", today, 5);
                });
            }
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> c : calls) {
                results.add(pool.submit(c));
            }
            start.countDown();
            int taken = 0;
            for (Future<Boolean> f : results) {
                taken += f.get() ? 1 : 0;
            }
            assertEquals(5, taken, "the day's first send raced too: one INSERT wins, the others count on its row");
        } finally {
            pool.shutdownNow();
        }
    }
}
