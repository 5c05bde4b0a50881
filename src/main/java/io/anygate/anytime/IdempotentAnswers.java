package io.anygate.anytime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Settles a claimed Idempotency-Key once its answer is written: 2xx and 4xx answers are kept for replay; 5xx and
 * 408 (the outcome is unknown) release the key, so that a retry re-drives the same operation under the same
 * operation id, which resumes it rather than repeating it. An answer marked {@code Cache-Control: no-store} is never
 * kept either (card secrets must not reach the store; a multi-request with an unknown outcome in a slot): the key is
 * released and a retry runs again.
 */
@ApplicationScoped
public class IdempotentAnswers {

    private static final Logger LOG = Logger.getLogger(IdempotentAnswers.class);

    @Inject
    IdempotencyRecords store;
    @Inject
    IdempotencyKey key;
    @Inject
    Clock clock;

    /**
     * How the current request renews its claim's in-flight lease while it runs (a multi-request may outlast one lease:
     * a retry would take its key over and run it a second time alongside); does nothing without a claim. Read on the
     * request's thread; the renewal may then run on any thread.
     */
    public Runnable claimRenewal() {
        if (!key.owesAnswer()) {
            return () -> { };
        }
        String partnerId = key.partnerId();
        String value = key.value().orElseThrow();
        String token = key.claimToken();
        return () -> {
            try {
                if (!store.renew(partnerId, value, token, clock.millis())) {
                    LOG.warnf("Idempotency-Key claim of partner %s was lost before its request ended", partnerId);
                }
            } catch (RuntimeException e) { // the store failed
                LOG.warnf("Could not renew an Idempotency-Key claim of partner %s: %s", partnerId, e.getMessage());
            }
        };
    }

    /** Called by the envelope writer with the exact bytes and headers it produced. */
    void written(byte[] body, String signature, String contentType) {
        if (!key.owesAnswer()) {
            return;
        }
        key.settled();
        String partnerId = key.partnerId();
        String value = key.value().orElseThrow();
        int status = key.status();
        try {
            if (status < 200 || status >= 500 || status == 408 || key.noStore()) {
                store.release(partnerId, value, key.claimToken());
            } else if (!store.complete(partnerId, value, key.claimToken(),
                    new IdempotentAnswer(status, contentType, signature, body), clock.millis())) {
                LOG.warnf("Idempotency-Key claim of partner %s was lost before its answer was kept", partnerId);
            }
        } catch (RuntimeException e) { // the store failed
            // the claim stays in flight until its lease passes; then a retry re-drives the operation
            LOG.warnf("Could not settle an Idempotency-Key of partner %s: %s", partnerId, e.getMessage());
        }
    }
}
