package io.anygate.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * OAuth2 access tokens: opaque random values, stored only as SHA-256 hashes, one pair per partner. Issuing a new
 * token replaces the partner's pair, so the previous token is obsolete at once on every replica.
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    TokenStore store;
    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;

    /** A freshly issued token pair (clear values, shown once to the partner). */
    public record Issued(String accessToken, String refreshToken, long expiresIn) {
    }

    /** What a presented token resolves to. */
    public record Resolved(String partnerId, boolean expired) {
    }

    public Issued issue(String partnerId) {
        String access = Secrets.randomToken(32);
        String refresh = Secrets.randomToken(32);
        Instant now = clock.instant();
        store.put(partnerId, Secrets.sha256Hex(access), Secrets.sha256Hex(refresh), now,
                now.plus(config.tokenTtl()));
        return new Issued(access, refresh, config.tokenTtl().toSeconds());
    }

    /** The partner holding this token; empty when unknown or superseded. One store round trip. */
    public Optional<Resolved> resolve(String accessToken) {
        return resolveHash(Secrets.sha256Hex(accessToken));
    }

    /** {@link #resolve} of a token known by its hash ({@link Secrets#sha256Hex}), as a multi-request keeps it. */
    public Optional<Resolved> resolveHash(String tokenHash) {
        return store.find(tokenHash)
                .map(held -> new Resolved(held.partnerId(), !held.expiresAt().isAfter(clock.instant())));
    }
}
