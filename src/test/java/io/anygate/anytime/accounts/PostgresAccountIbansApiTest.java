package io.anygate.anytime.accounts;

import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The IBAN routes (IBAN sequence, one IBAN per account, IBAN movements) on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStoreProfile.class)
@EnabledIfPostgres
class PostgresAccountIbansApiTest extends AccountIbansApiTest {
}
