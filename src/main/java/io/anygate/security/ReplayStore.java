package io.anygate.security;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Where {@link ReplayGuard} keeps the used validation data, per partner, and the keys that left the registry. */
public interface ReplayStore {

    /**
     * Records the hash of a validation data as used by this partner, in its own commit; false when the partner had
     * already used it (on any replica).
     */
    boolean claim(String partnerId, String dataHash, String keyFingerprint, Instant usedAt);

    /** What {@link #claimUnderToken} found. */
    enum TokenClaim {
        /** The token is the partner's current one and unexpired, and the value is now used. */
        CLAIMED,
        /** The token is current, and the partner had already used the value. */
        REUSED,
        /** The token is not (or no longer) the partner's current one, or it has expired: nothing was recorded. */
        TOKEN_NOT_CURRENT
    }

    /**
     * {@link #claim}, made only while the access token with this hash is still the partner's current one and
     * expires after {@code usedAt}: the token check and the claim in one statement and one commit, so a request
     * whose token this replica has already seen needs one store round trip instead of two.
     */
    TokenClaim claimUnderToken(String partnerId, String dataHash, String keyFingerprint, Instant usedAt,
            String tokenHash);

    /** Records these keys as retired at {@code at}; a key already retired keeps its first time. */
    void retire(Set<String> fingerprints, Instant at);

    /** Takes back the retirement of these keys, unless their used validation data were already forgotten. */
    void reinstate(Set<String> fingerprints);

    /** Which of these keys were retired and had their used validation data forgotten. */
    Set<String> forgotten(Set<String> fingerprints);

    /**
     * Drops the used validation data of each key retired before {@code retiredBefore}, marking the key forgotten at
     * {@code now} first (one conditional UPDATE: a key reinstated meanwhile, or forgotten by another replica, is left
     * alone). Answers, per key this call forgot, how many used validation data it dropped.
     */
    Map<String, Integer> forgetRetired(Instant retiredBefore, Instant now);
}
