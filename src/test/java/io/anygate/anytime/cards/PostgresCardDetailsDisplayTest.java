package io.anygate.anytime.cards;

import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The card-details links (V62, the one-time conditional UPDATE, the expiry) on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStoreProfile.class)
@EnabledIfPostgres
class PostgresCardDetailsDisplayTest extends CardDetailsDisplayTest {
}
