package io.anygate.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The endpoints' circuits ({@code webhook_endpoint}; port, the store implements it), shared by every replica. */
public interface EndpointRepository {

    /** Makes sure the endpoint has a row (a closed circuit when new). */
    void register(String url, Instant now);

    /**
     * Takes the endpoint's one probe for {@code owner} until {@code leaseUntil}: true only when its pause is over and
     * no other replica holds an unexpired probe.
     */
    boolean takeProbe(String url, String owner, Instant now, Instant leaseUntil);

    /** Closes the circuit: no failures, no pause, no probe. */
    void close(String url, Instant now);

    /** Counts a failure; pauses the endpoint until {@code pausedUntil} once {@code threshold} failures follow each other. */
    void fail(String url, int threshold, Instant pausedUntil, String error, Instant now);

    /** Gives the probe back if {@code owner} holds it. */
    void releaseProbe(String url, String owner);

    /** One endpoint by its URL. */
    Optional<EndpointState> find(String url);

    /** One endpoint by its id. */
    Optional<EndpointState> find(long id);

    /** Endpoints currently paused (or probing), the first to end its pause first. */
    List<EndpointState> paused();

    /** An endpoint's circuit as stored. */
    record EndpointState(long id, String url, int consecutiveFailures, Instant pausedUntil,
            Instant probeLeaseUntil, String lastError, Instant updatedAt) {
    }
}
