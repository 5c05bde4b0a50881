package io.anygate.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.store.JdbcWebhookOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The outbox keeps delivered events for the retention period, then drops them; nothing undelivered is dropped. */
class OutboxPurgeTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void deliveredEventsOlderThanTheRetentionAreDroppedInBatchesAndUndeliveredOnesStay() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:purge-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        OutboxRepository outbox = new JdbcWebhookOutbox(ds);

        for (int i = 1; i <= 3; i++) {
            deliver(outbox, "old-" + i, T0.plus(Duration.ofMinutes(i)));
        }
        deliver(outbox, "recent", T0.plus(Duration.ofDays(40)));
        assertTrue(outbox.insert(new WebhookEvent("pending", "acme", "card_last_tx", "{}", T0), T0));

        Instant before = T0.plus(Duration.ofDays(40)).minus(Duration.ofDays(30));
        assertEquals(2, outbox.purgeDelivered(before, 2)); // oldest first, at most the batch
        assertEquals(1, outbox.purgeDelivered(before, 2));
        assertEquals(0, outbox.purgeDelivered(before, 2));

        assertFalse(outbox.find("old-1").isPresent());
        assertFalse(outbox.find("old-3").isPresent());
        assertTrue(outbox.find("recent").isPresent());
        assertEquals(OutboxRepository.PENDING, outbox.find("pending").orElseThrow().status());
    }

    private static void deliver(OutboxRepository outbox, String eventId, Instant at) {
        assertTrue(outbox.insert(new WebhookEvent(eventId, "acme", "card_last_tx", "{}", at), at));
        long id = outbox.find(eventId).orElseThrow().id();
        assertTrue(outbox.claim(id, "replica", at, at.plusSeconds(60)));
        outbox.finish(id, "replica", new OutboxRepository.Attempt(OutboxRepository.DELIVERED, at, at, 200, null, 1L,
                "https://example.com/hook"));
    }
}
