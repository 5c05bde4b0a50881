package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.SandboxPins;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1.0/cards/{ref}/pin} end to end: TX (the simulator) answers the PIN block encrypted under the sandbox
 * key, ISO 9564-1 format 0, and the partner gets the card's PIN, the one the block holds.
 */
@QuarkusTest
class CardPinTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;

    @Inject
    CardFixture fixture;

    @BeforeEach
    void freshTokens() {
        CardCalls.reset();
    }

    @Test
    void thePartnerGetsTheCardsPin() throws Exception {
        for (int i = 0; i < 5; i++) {
            OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
            String pan = CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card/pan").then()
                    .statusCode(200).extract().jsonPath().getString("pan");
            String expected = SandboxPins.pin(card.cardId(), pan);
            Response r = as(ALPHA).queryParam("cvc", "000")
                    .get("/v1.0/cards/" + CardRef.ofTxCard(card.cardId()).value() + "/pin");
            r.then().statusCode(200).header("Cache-Control", "no-store").body("body.pin", equalTo(expected));
            assertEquals(4, expected.length());
        }
    }
}
