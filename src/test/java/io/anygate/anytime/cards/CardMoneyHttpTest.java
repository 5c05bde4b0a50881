package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.MoneyTestSupport.move;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.store.Store;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Credit and debit over the Anytime surface: answers, every decline and every load limit. */
@QuarkusTest
class CardMoneyHttpTest {

    static String deltaToken;
    static String muToken;

    @Inject
    CardFixture fixture;

    @Inject
    Store store;

    @BeforeEach
    void tokens() {
        if (deltaToken == null) {
            deltaToken = EdgeClient.token(TestPartner.DELTA);
            muToken = EdgeClient.token(TestPartner.MU);
        }
    }

    private static String ref(OwnedCard card) {
        return CardRef.ofTxCard(card.cardId()).value();
    }

    private Response credit(OwnedCard card, String amount) {
        return move(TestPartner.DELTA, deltaToken, "credit", ref(card), amount, null);
    }

    private Response debit(OwnedCard card, String amount) {
        return move(TestPartner.DELTA, deltaToken, "debit", ref(card), amount, null);
    }

    private static void assertError(Response r, int status, long code) {
        assertEquals(status, r.statusCode(), r.asString());
        assertEquals(code, r.jsonPath().getLong("body.error.code"), r.asString());
    }

    @Test
    void creditAndDebitMoveMoneyAndAnswerWhatTheSdkReads() {
        OwnedCard card = fixture.card("delta", "1000.00", "0.00");
        Response r = credit(card, "25.50");
        assertEquals(200, r.statusCode(), r.asString());
        EdgeClient.assertEnvelope(r, TestPartner.DELTA.username());
        assertEquals(ref(card), r.jsonPath().getString("body.card_ref"));
        assertEquals(card.accountId(), r.jsonPath().getLong("body.acc_id"));
        assertEquals(card.accountId(), r.jsonPath().getLong("body.card_acc_id"));
        assertTrue(r.jsonPath().getLong("body.transaction_id") > 0, "sandbox answers transaction_id");
        assertEquals(new BigDecimal("25.50"), CardFixture.balance(card.cardContractId()));
        assertEquals(new BigDecimal("974.50"), CardFixture.balance(card.accountId()));
        assertEquals(Set.of("card_ref", "acc_id", "card_acc_id", "transaction_id"),
                r.jsonPath().getMap("body").keySet(), "what the document and the SDK name, nothing else");

        Response d = debit(card, "5.25");
        assertEquals(200, d.statusCode(), d.asString());
        assertEquals(new BigDecimal("20.25"), CardFixture.balance(card.cardContractId()));
        assertEquals(new BigDecimal("979.75"), CardFixture.balance(card.accountId()));
        assertEquals(Set.of("card_ref", "acc_id", "card_acc_id", "transaction_id"),
                d.jsonPath().getMap("body").keySet(), d.asString());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyMovesMoneyOnce() {
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        Response first = move(TestPartner.DELTA, deltaToken, "credit", ref(card), "10", "idem-" + card.cardId());
        Response again = move(TestPartner.DELTA, deltaToken, "credit", ref(card), "10", "idem-" + card.cardId());
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(first.jsonPath().getLong("body.transaction_id"), again.jsonPath().getLong("body.transaction_id"));
        assertEquals(new BigDecimal("10.00"), CardFixture.balance(card.cardContractId()));
        // the HTTP Idempotency-Key layer refuses the reused key with other parameters before the resource runs
        assertError(move(TestPartner.DELTA, deltaToken, "credit", ref(card), "11", "idem-" + card.cardId()), 422,
                4220010);
    }

    @Test
    void declinesFromTxAndFromTheCard() {
        OwnedCard card = fixture.card("delta", "50.00", "10.00");
        assertError(credit(card, "50.01"), 402, 4020220);
        assertError(debit(card, "10.01"), 402, 4020320);
        OwnedCard full = fixture.card("delta", "5000.00", "9990.00");
        assertError(credit(full, "20"), 402, 4020321);
        assertError(credit(card, "5000.01"), 403, 4030331);
        assertError(credit(fixture.card("delta", "50.00", null, "Inactive"), "1"), 403, 4030320);
        OwnedCard lost = fixture.card("delta", "50.00", null);
        CardFixture.status(lost.cardId(), "Lost");
        assertError(credit(lost, "1"), 403, 4030350);
        assertEquals(new BigDecimal("10.00"), CardFixture.balance(card.cardContractId()));
        assertEquals(new BigDecimal("50.00"), CardFixture.balance(card.accountId()));
    }

    @Test
    void parametersAndOwnership() {
        OwnedCard card = fixture.card("delta", "50.00", "10.00");
        OwnedCard others = fixture.card("mu", "50.00", "10.00");
        assertError(credit(others, "1"), 403, 4030310);
        assertError(credit(card, "10.001"), 400, 4000310);
        assertError(credit(card, "0"), 400, 4000310);
        assertError(credit(card, null), 400, 4000310);
        assertError(move(TestPartner.DELTA, deltaToken, "credit", "ANY12", "1", null), 400, 4000310);
        assertEquals(new BigDecimal("10.00"), CardFixture.balance(others.cardContractId()));
    }

    @Test
    void partnerLoadLimitsFromThePartnersFile() {
        OwnedCard card = fixture.card("mu", "10000.00", "0.00");
        assertError(muCredit(card, "1.99"), 403, 4030330);
        assertError(muCredit(card, "100.01"), 403, 4030331);
        assertEquals(200, muCredit(card, "100").statusCode());
        assertError(muCredit(card, "60"), 429, 4290310);               // day: 150
        age(card, 2);
        assertEquals(200, muCredit(card, "100").statusCode());
        assertError(muCredit(card, "10"), 429, 4290313);               // four days: 200
        age(card, 3);
        assertError(muCredit(card, "60"), 429, 4290314);               // week: 250 (200 five days old)
        age(card, 3);
        assertEquals(200, muCredit(card, "100").statusCode());
        assertError(muCredit(card, "10"), 429, 4290311);               // month: 300
        age(card, 30);
        assertError(muCredit(card, "51"), 429, 4290312);               // year: 350 (300 a month old)
        OwnedCard capacity = fixture.card("mu", "100.00", "0.00");
        for (int i = 0; i < 4; i++) {
            assertEquals(200, muCredit(capacity, "2").statusCode());
        }
        assertError(muCredit(capacity, "2"), 429, 4290320);            // 4 loads a day
        assertEquals(new BigDecimal("300.00"), CardFixture.balance(card.cardContractId()));
        // The per-load bounds are the loads': the card's 300 (three loads) goes back in one unload, and a remainder
        // below the load minimum is not trapped on the card.
        assertEquals(200, move(TestPartner.MU, muToken, "debit", ref(card), "299.00", null).statusCode());
        assertEquals(200, move(TestPartner.MU, muToken, "debit", ref(card), "1.00", null).statusCode());
        assertEquals(new BigDecimal("0.00"), CardFixture.balance(card.cardContractId()));
    }

    private Response muCredit(OwnedCard card, String amount) {
        return move(TestPartner.MU, muToken, "credit", ref(card), amount, null);
    }

    /** Moves the card's journaled operations {@code days} back in time. */
    private void age(OwnedCard card, int days) {
        for (var row : MoneyTestSupport.rows(store, "SELECT operation_id, created_at FROM operation WHERE card_id = ?",
                card.cardId())) {
            java.time.OffsetDateTime at = ((java.time.OffsetDateTime) row.get("created_at")).minusDays(days);
            MoneyTestSupport.update(store, "UPDATE operation SET created_at = ? WHERE operation_id = ?", at,
                    row.get("operation_id"));
        }
    }
}
