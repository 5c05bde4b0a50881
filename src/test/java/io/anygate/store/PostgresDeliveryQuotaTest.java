package io.anygate.store;

import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The daily sends of the card delivery services (V61, conditional UPDATE, racing first INSERTs) on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStoreProfile.class)
@EnabledIfPostgres
class PostgresDeliveryQuotaTest extends DeliveryQuotaTest {
}
