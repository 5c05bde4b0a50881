package io.anygate.anytime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Makes Anytime envelopes: a request_id, the timestamp and the hash around a body serialized once. The response
 * filter wraps every answer of a request with it; a multi-request also makes the envelope of a sub-request that
 * could not be sent (its slot still holds a complete Anytime answer).
 */
@ApplicationScoped
public class Envelopes {

    private static final Logger LOG = Logger.getLogger(Envelopes.class);
    private static final AtomicLong FALLBACK_IDS = new AtomicLong();

    @Inject
    RequestIds requestIds;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    /** A new request_id; may read the store (one sequence call per 100 ids): call it from a worker thread. */
    public long nextRequestId() {
        try {
            return requestIds.next();
        } catch (RuntimeException e) {
            // the store is down: still answer, with an id that cannot collide with the sequence's
            LOG.warnf("request_id sequence unavailable: %s", e.getMessage());
            return -(clock.millis() * 1000 + FALLBACK_IDS.incrementAndGet() % 1000);
        }
    }

    /** The envelope around {@code body}, stamped now, hashed with {@code username} (empty: no partner known). */
    public Envelope wrap(long requestId, byte[] body, String username) {
        AnytimeTimestamp timestamp = AnytimeTimestamp.of(clock.instant());
        return new Envelope(requestId, timestamp, timestamp.hash(username), body);
    }

    /** The exact bytes of an error answer, as {@link EnvelopeWriter} writes them (unsigned: not sent on its own). */
    public byte[] errorBytes(AnytimeError error, String message, String username) {
        try {
            byte[] body = json.writeValueAsBytes(ErrorBody.of(error, message));
            return EnvelopeWriter.bytes(wrap(nextRequestId(), body, username));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("error body not serializable", e);
        }
    }
}
