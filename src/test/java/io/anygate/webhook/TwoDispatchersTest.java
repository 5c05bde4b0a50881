package io.anygate.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Two dispatchers (two replicas) on one store, racing for the same due events against a slow receiver: every event
 * arrives exactly once and no event is ever in flight twice. Shared by the H2 and the PostgreSQL runs.
 */
final class TwoDispatchersTest {

    private TwoDispatchersTest() {
    }

    static void neverDoubleDeliver(DataSource dataSource, String partnerId) throws Exception {
        try (Receiver receiver = Receiver.start(15); WebhookBench bench = new WebhookBench(dataSource)) {
            bench.targets.put(partnerId, new WebhookTarget(receiver.url(), partnerId + "-api", true));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                WebhookEvent e = WebhookBench.cardLastTx(partnerId, partnerId + "-race-" + i);
                bench.enqueue(e, Clock.systemUTC());
                ids.add(e.eventId());
            }
            WebhookDispatcher a = bench.dispatcher("replica-a", Clock.systemUTC());
            WebhookDispatcher b = bench.dispatcher("replica-b", Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> runs = pool.invokeAll(List.of(drain(a, bench, partnerId), drain(b, bench, partnerId)));
                for (Future<Integer> f : runs) {
                    f.get(60, TimeUnit.SECONDS);
                }
                for (String id : ids) {
                    OutboxEntry e = bench.outbox.find(id).orElseThrow();
                    assertEquals(1, receiver.count(id), id);
                    assertEquals(OutboxRepository.DELIVERED, e.status(), id + " " + e.lastError());
                    assertEquals(1, e.attempts(), id + " " + e.lastError());
                }
                assertEquals(1, receiver.maxConcurrentPerEvent.get());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static Callable<Integer> drain(WebhookDispatcher d, WebhookBench bench, String partnerId) {
        return () -> {
            int made = 0;
            for (int pass = 0; pass < 200 && pendingOf(bench, partnerId) > 0; pass++) {
                made += d.dispatchDue();
            }
            return made;
        };
    }

    private static long pendingOf(WebhookBench bench, String partnerId) {
        return bench.outbox.findDue(java.time.Instant.now().plusSeconds(3600), 1000).stream()
                .filter(e -> e.partnerId().equals(partnerId)).count();
    }
}
