package io.anygate.store;

import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The credit transfer notification claim (FOR UPDATE SKIP LOCKED) on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStoreProfile.class)
@EnabledIfPostgres
class PostgresCreditTransferNotificationClaimTest extends CreditTransferNotificationClaimTest {
}
