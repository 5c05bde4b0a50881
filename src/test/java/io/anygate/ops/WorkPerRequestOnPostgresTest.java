package io.anygate.ops;

import io.anygate.testsupport.CountingDriver;
import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link WorkPerRequestTest} on PostgreSQL, as production runs it: rate limits on (far above the test's load), so
 * each request also counts its IP in one statement and its API user and functionality in one more.
 */
@QuarkusTest
@TestProfile(WorkPerRequestOnPostgresTest.CountedOnPostgres.class)
@EnabledIfPostgres
class WorkPerRequestOnPostgresTest extends WorkPerRequestTest {

    /** PostgreSQL behind the counting driver, rate limits on, no scheduled job running. */
    public static class CountedOnPostgres extends PostgresStoreProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.putAll(CountingDriver.overrides("pg", config.get("quarkus.datasource.pg.jdbc.url")));
            config.put("quarkus.scheduler.enabled", "false");
            config.put("gateway.security.rate-limit.enabled", "true");
            config.put("gateway.security.rate-limit.per-ip", "1000000");
            config.put("gateway.security.rate-limit.per-user", "1000000");
            config.put("gateway.security.rate-limit.per-functionality", "1000000");
            return config;
        }
    }

    @Override
    int rateCounterStatements() {
        return 2;
    }
}
