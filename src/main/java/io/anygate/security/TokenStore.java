package io.anygate.security;

import java.time.Instant;
import java.util.Optional;

/** Where {@link AccessTokens} keeps the token pair of each partner: only their SHA-256 hashes, one pair per partner. */
public interface TokenStore {

    /** What a stored token hash belongs to. */
    record Held(String partnerId, Instant expiresAt) {
    }

    /**
     * Stores the partner's token pair in place of the one it held, so the previous token is obsolete at once on every
     * replica; when two replicas issue at the same time, the last write wins.
     */
    void put(String partnerId, String tokenHash, String refreshHash, Instant issuedAt, Instant expiresAt);

    /** The partner holding the token with this hash; empty when unknown or superseded. One store round trip. */
    Optional<Held> find(String tokenHash);
}
