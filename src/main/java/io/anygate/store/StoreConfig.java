package io.anygate.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which built-in datasource is active. Read by the datasource configuration itself
 * ({@code quarkus.datasource.h2.active=${gateway.store.embedded-active}}); declared here so that the keys are
 * part of the gateway's typed configuration and documented.
 */
@ConfigMapping(prefix = "gateway.store")
public interface StoreConfig {

    /** The embedded H2 store is active (sandbox, tests). */
    @WithDefault("true")
    boolean embeddedActive();

    /** The PostgreSQL store is active (production; the `postgres` profile). */
    @WithDefault("false")
    boolean postgresActive();

    /**
     * How many (partner, account) and (partner, card) ownership rows each replica keeps in memory. The rows are
     * written once, at the last step of a creation saga, and never changed or deleted, so a cached row cannot go
     * stale on any replica; only found rows are cached (a card registered a moment later is still found).
     */
    @WithDefault("100000")
    long ownershipCacheSize();
}
