package io.anygate.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the edge security: partners, tokens, lockout, signatures, client addresses and rate limits.
 */
@ConfigMapping(prefix = "gateway.security")
public interface SecurityConfig {

    /** JSON file listing the partners (a mounted Kubernetes Secret in production); required in production. */
    Optional<String> partnersFile();

    /** How often the partners file is checked for changes (mtime and content hash). */
    @WithDefault("10s")
    Duration partnersReloadInterval();

    /** PKCS#8 PEM Ed25519 private key that signs answers and webhooks; generated under data-dir in sandbox. */
    Optional<String> signingKeyFile();

    /** CIDRs of reverse proxies whose X-Forwarded-For is believed; others' is ignored. */
    Optional<List<String>> trustedProxies();

    /** Lifetime of an OAuth2 access token ({@code expires_in}). */
    @WithDefault("3600s")
    Duration tokenTtl();

    /** Failed password-grant attempts after which the partner is locked out (PCI DSS 8.3.4: at most 10). */
    @WithDefault("10")
    int lockoutMaxFailures();

    /**
     * How long a partner's first lockout lasts (PCI DSS 8.3.4: at least 30 minutes); each further lockout before a
     * successful login lasts twice as long as the one before, up to {@link #lockoutMaxDuration()}.
     */
    @WithDefault("30m")
    Duration lockoutDuration();

    /** The longest lockout, however many came before it. */
    @WithDefault("24h")
    Duration lockoutMaxDuration();

    /**
     * How long the used validation data of a key removed from the partners file are kept: longer than any replica
     * takes to reload the file, and as long as a removal may still be rolled back. After it they are dropped and the
     * key can never be trusted again.
     */
    @WithDefault("P30D")
    Duration retiredKeyGrace();

    /** Longest X-Validation-Data accepted, in characters; longer is refused as a bad signature. */
    @WithDefault("1024")
    int maxValidationDataLength();

    /** Rate limits (fixed windows counted in the store). */
    RateLimit rateLimit();

    /** Fixed-window rate limits; per-partner values in the partners file override the per-user ones. */
    interface RateLimit {

        /** On or off; when absent: off in sandbox mode (as Anytime's sandbox), on in production. */
        Optional<Boolean> enabled();

        /** Length of one counting window. */
        @WithDefault("60s")
        Duration window();

        /** Requests one client IP address may make per window. */
        @WithDefault("1200")
        long perIp();

        /** Requests one API user may make per window. */
        @WithDefault("600")
        long perUser();

        /** Requests one API user may make to one functionality per window. */
        @WithDefault("300")
        long perFunctionality();

        /** How often expired windows are purged. */
        @WithDefault("5m")
        Duration purgeInterval();
    }
}
