package io.anygate.anytime.cards;

import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The card rules whose counts live in the store (single-use load, cards per account, CVC attempts) on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStoreProfile.class)
@EnabledIfPostgres
class PostgresCardRulesTest extends CardRulesTest {
}
