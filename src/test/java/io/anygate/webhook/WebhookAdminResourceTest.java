package io.anygate.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.security.AdminGuard;
import io.anygate.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator's redelivery and resume schedule events at the gateway clock's time, whatever the wall clock says. */
class WebhookAdminResourceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-06-01T10:00:00Z"));
    private final WebhookAdminResource admin = new WebhookAdminResource();
    private WebhookBench bench;
    private Receiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        bench = WebhookBench.h2();
        bench.failureThreshold = 1;
        receiver = Receiver.start(0);
        receiver.status.set(503);
        bench.targets.put("acme", new WebhookTarget(receiver.url(), "acme-api", true));
        admin.guard = new AdminGuard() {
            @Override
            public void authorize(String authorizationHeader) {
                // the token check has tests of its own
            }
        };
        admin.outbox = bench.outbox;
        admin.circuit = bench.circuit();
        admin.clock = clock;
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        bench.close();
    }

    @Test
    void aResumedEndpointsEventsAreDueAtTheClocksTime() {
        failOnce();
        long endpoint = bench.circuit().paused().get(0).id();

        clock.advance(Duration.ofSeconds(10));
        Map<String, Object> resumed = admin.resume(null, endpoint);

        assertEquals(1, resumed.get("events_due"));
        assertEquals(clock.instant(), entry().nextAttemptAt());
    }

    @Test
    void aRedeliveredEventIsDueAtTheClocksTime() {
        failOnce();

        clock.advance(Duration.ofSeconds(10));
        assertEquals(202, admin.redeliver(null, "card_last_tx:adm-1").getStatus());

        assertEquals(OutboxRepository.PENDING, entry().status());
        assertEquals(0, entry().attempts());
        assertEquals(clock.instant(), entry().nextAttemptAt());
    }

    /** One failed attempt: the event waits a minute for its retry, and the endpoint (threshold 1) is paused. */
    private void failOnce() {
        bench.enqueue(WebhookBench.cardLastTx("acme", "adm-1"), clock);
        assertEquals(1, bench.dispatcher("one", clock).dispatchDue());
        assertEquals(clock.instant().plus(Duration.ofMinutes(1)), entry().nextAttemptAt());
    }

    private OutboxEntry entry() {
        return bench.outbox.find("card_last_tx:adm-1").orElseThrow();
    }
}
