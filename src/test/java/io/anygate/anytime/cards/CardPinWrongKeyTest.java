package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.SandboxPins;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's PIN key is not TX's: every PIN read answers the Anytime error 5000010 in the envelope, never a PIN
 * (before the blocks were encrypted and checked, about one block in 28 read as a wrong PIN).
 */
@QuarkusTest
@TestProfile(CardPinWrongKeyTest.WrongKey.class)
class CardPinWrongKeyTest {

    /** The simulator encrypts under the sandbox key; the gateway is given another one. */
    public static class WrongKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.tx.pin.key", "FEDCBA98765432100123456789ABCDEF",
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("pin-wrong-key"));
        }
    }

    @Inject
    CardFixture fixture;

    @BeforeEach
    void freshTokens() {
        CardCalls.reset();
    }

    @Test
    void aPinUnderAnotherKeyIsAnErrorNeverAPin() throws Exception {
        for (int i = 0; i < 40; i++) {
            OwnedCard card = fixture.card(TestPartner.ALPHA.partnerId(), "10.00", "1.00");
            String pan = CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card/pan").then()
                    .statusCode(200).extract().jsonPath().getString("pan");
            String pin = SandboxPins.pin(card.cardId(), pan);
            Response r = as(TestPartner.ALPHA).queryParam("cvc", "000")
                    .get("/v1.0/cards/" + CardRef.ofTxCard(card.cardId()).value() + "/pin");
            r.then().statusCode(500)
                    .body("body.error.code", equalTo(5000010))
                    .body("body.error.exception", equalTo("UnknownException"))
                    .body("body.error.message", not(equalTo("An unexpected error occurred")))
                    .body("body.pin", equalTo(null));
            // the answer's own text (not the envelope's digits: a 4-digit PIN turns up in a hash by chance)
            assertEquals(java.util.Set.of("error"), r.jsonPath().getMap("body").keySet(), "only the error");
            assertFalse(r.jsonPath().getString("body.error.message").contains(pin), "no PIN in the message");
        }
    }
}
