package io.anygate.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * OAuth2 access tokens: opaque random values, stored only as SHA-256 hashes, one pair per partner. Issuing a new
 * token replaces the partner's pair, so the previous token is obsolete at once on every replica.
 *
 * <p>Each replica remembers which partner a token hash was issued to and when it expires ({@link #seen}): those
 * never change. Whether the token is still the partner's current one does, and only the shared store answers it,
 * on every call ({@link ReplayGuard#claimUnderToken} checks it in the statement that claims the validation data).
 */
@ApplicationScoped
public class AccessTokens {

    /** A partner holds one token at a time and renews it hourly at most: far more than the live tokens. */
    private static final int REMEMBERED_TOKENS = 10_000;

    @Inject
    TokenStore store;
    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;

    private final Cache<String, TokenStore.Held> seen = Caffeine.newBuilder().maximumSize(REMEMBERED_TOKENS).build();

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
        String accessHash = Secrets.sha256Hex(access);
        Instant expiresAt = now.plus(config.tokenTtl());
        store.put(partnerId, accessHash, Secrets.sha256Hex(refresh), now, expiresAt);
        seen.put(accessHash, new TokenStore.Held(partnerId, expiresAt));
        return new Issued(access, refresh, config.tokenTtl().toSeconds());
    }

    /** The partner holding this token; empty when unknown or superseded. One store round trip. */
    public Optional<Resolved> resolve(String accessToken) {
        return resolveHash(Secrets.sha256Hex(accessToken));
    }

    /**
     * {@link #resolve} of a token known by its hash ({@link Secrets#sha256Hex}), as a multi-request keeps it. What the
     * store answers replaces what this replica remembered of the token ({@link #seenPartner}).
     */
    public Optional<Resolved> resolveHash(String tokenHash) {
        Optional<TokenStore.Held> found = store.find(tokenHash);
        if (found.isPresent()) {
            seen.put(tokenHash, found.get());
        } else {
            seen.invalidate(tokenHash);
        }
        return found.map(held -> new Resolved(held.partnerId(), !held.expiresAt().isAfter(clock.instant())));
    }

    /**
     * The partner this replica has seen the token issued to, while unexpired by this replica's clock; no store
     * round trip, so <em>not</em> proof that the token is still current: the caller must check that in the store.
     */
    public Optional<String> seenPartner(String tokenHash) {
        TokenStore.Held held = seen.getIfPresent(tokenHash);
        return held == null || !held.expiresAt().isAfter(clock.instant()) ? Optional.empty()
                : Optional.of(held.partnerId());
    }
}
