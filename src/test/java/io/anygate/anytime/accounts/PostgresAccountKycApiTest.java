package io.anygate.anytime.accounts;

import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The KYC routes on PostgreSQL: the documents and their review through JdbcDocumentStore (V60 tables). */
@QuarkusTest
@TestProfile(PostgresStoreProfile.class)
@EnabledIfPostgres
class PostgresAccountKycApiTest extends AccountKycApiTest {
}
