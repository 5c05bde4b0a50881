package io.anygate.security;

import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;

/** The rate-limit tests against PostgreSQL (its single-statement upsert counter). */
@QuarkusTest
@TestProfile(PostgresRateLimitTest.LimitedOnPostgres.class)
@EnabledIfPostgres
class PostgresRateLimitTest extends RateLimitTest {

    /** PostgreSQL store and rate limits on. */
    public static class LimitedOnPostgres extends PostgresStoreProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> map = new HashMap<>(super.getConfigOverrides());
            map.putAll(RateLimitTest.overrides());
            return map;
        }
    }
}
