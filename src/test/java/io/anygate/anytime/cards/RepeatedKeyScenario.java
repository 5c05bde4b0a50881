package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.MoneyTestSupport.move;
import static io.anygate.anytime.cards.MoneyTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.store.Store;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A load whose first attempt TX applies and whose answer is lost: the TX client repeats it under the same match key,
 * and TX answers the repeat with whichever reading of "already processed" the simulator is set to
 * ({@code gateway.txsim.repeated-key}). Either way the partner hears the approval and the money moves once.
 */
final class RepeatedKeyScenario {

    private RepeatedKeyScenario() {
    }

    static void aRetriedLoadIsAppliedOnceAndAnsweredApproved(CardFixture fixture, Store store) {
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        // Only the first attempt loses its answer; the client's repeat under the same key gets TX's answer to a
        // repeated key (a refusal is then settled by looking the key up).
        CardFixture.sim().body(List.of(
                Map.of("operation", "tran.account2account", "dropAfterCommitRate", 1.0, "count", 1)))
                .put("/sim/faults").then().statusCode(200);
        try {
            Response r = move(TestPartner.DELTA, token, "credit", CardRef.ofTxCard(card.cardId()).value(), "9.99",
                    null);
            assertEquals(200, r.statusCode(), r.asString());
        } finally {
            CardFixture.sim().delete("/sim/faults").then().statusCode(200);
        }
        assertEquals(new BigDecimal("9.99"), CardFixture.balance(card.cardContractId()), "applied once");
        assertEquals("APPROVED", rows(store, "SELECT state FROM operation WHERE card_id = ?", card.cardId()).get(0)
                .get("state"));
    }
}
