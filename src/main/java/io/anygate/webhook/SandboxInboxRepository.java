package io.anygate.webhook;

import java.time.Instant;
import java.util.List;

/** The sandbox inbox's rows ({@code webhook_sandbox_inbox}; port, the store implements it). */
public interface SandboxInboxRepository {

    /** Stores one received webhook; {@code headers} is their JSON object. */
    void add(String partnerId, String eventId, Instant receivedAt, String headers, String body);

    /** The last {@code limit} received webhooks, newest first, of one partner or (null) of all. */
    List<Stored> last(String partnerId, int limit);

    /** One row as stored; {@code headers} is their JSON object. */
    record Stored(long id, String partnerId, String eventId, Instant receivedAt, String headers, String body) {
    }
}
