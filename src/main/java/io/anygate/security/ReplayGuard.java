package io.anygate.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The replay store: each X-Validation-Data is accepted once per partner, across replicas and restarts. The claim
 * is its own committed INSERT, made before the action runs, so that a failed action never frees the value for
 * reuse. Rows carry the fingerprint of the key that verified them and a day bucket: they are kept while the key
 * is in the registry and for {@code retired-key-grace} after it left, then dropped, and the key is never trusted
 * again (see docs/architecture.md, Edge security).
 */
@ApplicationScoped
public class ReplayGuard {

    private static final Logger LOG = Logger.getLogger(ReplayGuard.class);

    @Inject
    ReplayStore store;
    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;

    /** Records the validation data as used; false if this partner already used it. */
    public boolean claim(String partnerId, String keyFingerprint, String validationData) {
        return store.claim(partnerId, Secrets.sha256Hex(validationData), keyFingerprint, clock.instant());
    }

    /**
     * {@link #claim}, made only if the access token with this hash is still the partner's current, unexpired one
     * (one statement: the token check and the claim commit together).
     */
    public ReplayStore.TokenClaim claimUnderToken(String partnerId, String keyFingerprint, String validationData,
            String tokenHash) {
        return store.claimUnderToken(partnerId, Secrets.sha256Hex(validationData), keyFingerprint, clock.instant(),
                tokenHash);
    }

    /**
     * Notes that keys left the registry. Their used validation data are <em>kept</em>: another replica may trust the
     * key until it reloads the file, and a rolled-back removal brings the key back with every value ever signed with
     * it; {@link #forgetRetired} drops them once the grace period has passed.
     */
    public void retire(Set<String> fingerprints, Instant now) {
        store.retire(fingerprints, now);
    }

    /** Keys back in the registry before their used validation data were forgotten are not retired any more. */
    public void reinstate(Set<String> fingerprints) {
        store.reinstate(fingerprints);
    }

    /** Which of these keys were retired and had their used validation data forgotten: never to be trusted again. */
    public Set<String> forgotten(Set<String> fingerprints) {
        return store.forgotten(fingerprints);
    }

    /**
     * Drops the used validation data of keys retired before {@code retiredBefore}, each key marked forgotten first
     * (one conditional UPDATE: a key reinstated meanwhile keeps its rows). Returns how many keys were forgotten.
     */
    public int forgetRetired(Instant retiredBefore, Instant now) {
        Map<String, Integer> dropped = store.forgetRetired(retiredBefore, now);
        dropped.forEach((fingerprint, count) -> LOG.infof("Forgot %d used validation data of key %s, retired more than"
                + " the grace period ago", count, fingerprint));
        return dropped.size();
    }

    /** Forgets, on every replica's schedule (twice is harmless), the used validation data of long-retired keys. */
    @Scheduled(every = "${gateway.security.retired-key-check-interval:1h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetLongRetiredKeys() {
        Instant now = clock.instant();
        try {
            forgetRetired(now.minus(config.retiredKeyGrace()), now);
        } catch (RuntimeException e) {
            LOG.warnf("Could not forget the used validation data of retired keys (next run retries): %s",
                    e.getMessage());
        }
    }
}
