package io.anygate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An access token expires {@code token-ttl} after it was issued, by the gateway's clock: two replicas (two
 * instances on one store, one clock) agree, and the second replica sees the token the first issued.
 */
@QuarkusTest
class TokenExpiryTest {

    @Inject
    TokenStore store;
    @Inject
    SecurityConfig config;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void aTokenIsValidForItsTimeToLiveThenExpiredOnEveryReplica() {
        AccessTokens a = replica();
        AccessTokens b = replica();
        String partner = "expiry-" + UUID.randomUUID();
        AccessTokens.Issued issued = a.issue(partner);
        assertEquals(config.tokenTtl().toSeconds(), issued.expiresIn());

        clock.advance(config.tokenTtl().minus(Duration.ofMillis(1)));
        AccessTokens.Resolved resolved = b.resolve(issued.accessToken()).orElseThrow();
        assertEquals(partner, resolved.partnerId());
        assertFalse(resolved.expired(), "valid until the last millisecond of its time to live");

        clock.advance(Duration.ofMillis(1));
        assertTrue(b.resolve(issued.accessToken()).orElseThrow().expired(), "expired once its time to live is over");
        assertTrue(a.resolve(issued.accessToken()).orElseThrow().expired());
    }

    private AccessTokens replica() {
        AccessTokens tokens = new AccessTokens();
        tokens.store = store;
        tokens.config = config;
        tokens.clock = clock;
        return tokens;
    }
}
