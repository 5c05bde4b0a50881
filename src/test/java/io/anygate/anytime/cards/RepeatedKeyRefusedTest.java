package io.anygate.anytime.cards;

import static org.hamcrest.Matchers.equalTo;

import io.anygate.store.Store;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.OwnDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator set to the other reading of a repeated match key: a 422 refusal saying "already processed"
 * (docs/tx-contract.md). The gateway recovers the original outcome by looking the key up. The replay reading is
 * the default, exercised by {@link MoneyRecoveryTest}.
 */
@QuarkusTest
@TestProfile(RepeatedKeyRefusedTest.Refuse.class)
class RepeatedKeyRefusedTest {

    /** Repeated keys refused; a store of its own ({@link OwnDatabase}). */
    public static class Refuse implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.txsim.repeated-key", "refuse",
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("repeated-key-refused"));
        }
    }

    @Inject
    CardFixture fixture;
    @Inject
    Store store;
    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void clear() {
        CardFixture.sim().delete("/sim/faults").then().statusCode(200);
        breakers.resetAll();
    }

    @Test
    void theSimulatorRefusesARepeatedKeyWithTheOriginalTransaction() {
        io.anygate.domain.card.OwnedCard card = fixture.card("delta", "10.00", "0.00");
        long a = card.accountId();
        long b = card.cardContractId();
        String key = "k-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("src", Map.of("id", a), "dst", Map.of("id", b),
                "value", Map.of("amt", new BigDecimal("1.00"), "ccy", "EUR"),
                "tranRq", Map.of("match", Map.of("key", key)));
        int tranId = CardFixture.sim().body(body).post("/tx/v1/tran/account2account").then().statusCode(200)
                .extract().path("tranId");
        CardFixture.sim().body(body).post("/tx/v1/tran/account2account").then().statusCode(422)
                .body("code", equalTo("ALREADY_PROCESSED")).body("result", equalTo("Declined"))
                .body("tranId", equalTo(tranId)).body("description", equalTo("the transaction was already processed"));
        String sent = LocalDateTime.now(ZoneOffset.UTC).minusSeconds(30).withNano(0)
                .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
        CardFixture.sim().queryParam("ref[matchKey]", key).queryParam("ref[rqSentTime]", sent).get("/tx/v1/tran")
                .then().statusCode(200).body("id", equalTo(tranId));
        org.junit.jupiter.api.Assertions.assertEquals(new BigDecimal("1.00"), CardFixture.balance(b), "once");
    }

    @Test
    void aRepeatedKeyAnsweredWithTheRefusalReadingIsAppliedOnce() {
        RepeatedKeyScenario.aRetriedLoadIsAppliedOnceAndAnsweredApproved(fixture, store);
    }
}
