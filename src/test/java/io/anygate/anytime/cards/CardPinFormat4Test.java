package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static org.hamcrest.Matchers.equalTo;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.SandboxPins;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TX configured for ISO 9564-1 format 4 under an AES-256 key, the gateway set to match: the PIN reads end to end. */
@QuarkusTest
@TestProfile(CardPinFormat4Test.Format4.class)
class CardPinFormat4Test {

    static final String AES_KEY = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";

    /** Both sides on format 4 with the same AES key. */
    public static class Format4 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.txsim.pin-format", "iso-4", "gateway.txsim.pin-key", AES_KEY,
                    "gateway.tx.pin.format", "iso-4", "gateway.tx.pin.key", AES_KEY,
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("pin-format4"));
        }
    }

    @Inject
    CardFixture fixture;

    @BeforeEach
    void freshTokens() {
        CardCalls.reset();
    }

    @Test
    void formatFourBlocksReadToTheCardsPin() throws Exception {
        OwnedCard card = fixture.card(TestPartner.ALPHA.partnerId(), "10.00", "1.00");
        String pan = CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card/pan").then()
                .statusCode(200).extract().jsonPath().getString("pan");
        byte[] block = Base64.getDecoder().decode(SandboxPins.block(card.cardId()));
        org.junit.jupiter.api.Assertions.assertEquals(16, block.length);
        String expected = SandboxPins.format4(block, pan, AES_KEY);
        as(TestPartner.ALPHA).queryParam("cvc", "000")
                .get("/v1.0/cards/" + CardRef.ofTxCard(card.cardId()).value() + "/pin").then().statusCode(200)
                .header("Cache-Control", "no-store").body("body.pin", equalTo(expected));
    }
}
