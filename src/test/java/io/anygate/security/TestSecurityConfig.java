package io.anygate.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A SecurityConfig for unit tests that only sets trusted proxies. */
record TestSecurityConfig(List<String> proxies) implements SecurityConfig {

    public Optional<String> partnersFile() {
        return Optional.empty();
    }

    public Duration partnersReloadInterval() {
        return Duration.ofSeconds(10);
    }

    public Optional<String> signingKeyFile() {
        return Optional.empty();
    }

    public Optional<List<String>> trustedProxies() {
        return Optional.of(proxies);
    }

    public Duration tokenTtl() {
        return Duration.ofHours(1);
    }

    public int lockoutMaxFailures() {
        return 10;
    }

    public Duration lockoutDuration() {
        return Duration.ofMinutes(30);
    }

    public Duration lockoutMaxDuration() {
        return Duration.ofHours(24);
    }

    public Duration retiredKeyGrace() {
        return Duration.ofDays(30);
    }

    public int maxValidationDataLength() {
        return 1024;
    }

    public RateLimit rateLimit() {
        return null;
    }
}
