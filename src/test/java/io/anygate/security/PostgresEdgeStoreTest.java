package io.anygate.security;

import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The replay, token, lockout and rate-counter store tests against PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStoreProfile.class)
@EnabledIfPostgres
class PostgresEdgeStoreTest extends EdgeStoreTest {
}
