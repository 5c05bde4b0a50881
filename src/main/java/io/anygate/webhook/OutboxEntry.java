package io.anygate.webhook;

import java.time.Instant;

/** An outbox row as the dispatcher and operators see it. */
public record OutboxEntry(long id, String eventId, String partnerId, String eventType, String payload,
        Instant createdAt, String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
        Integer lastStatus, String lastError, String endpoint, Instant deliveredAt) {
}
