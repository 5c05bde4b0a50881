package io.anygate.txsim;

import static io.anygate.txsim.TxApi.tx;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Money movements, every decline code, reversal, transaction lookup, listing with pages, order and time filter. */
@QuarkusTest
class TxSimTransfersTest {

    private static Map<String, Object> value(String amt, String ccy) {
        return Map.of("amt", new BigDecimal(amt), "ccy", ccy);
    }

    @Test
    void everyMovementKindMovesExactAmounts() {
        long holder = TxApi.person();
        long account = TxApi.contract(holder, "CT-ACCOUNT-CONSUMER", "EUR", "100.00");
        long cardContract = TxApi.contract(holder, "CT-CARD", "EUR", null);
        long card = TxApi.card(holder, cardContract, "Active");
        String pan = TxApi.pan(card);
        String exp = tx().queryParam("ref[id]", card).get("/card").then().extract().jsonPath().getString("dates.expiration");
        tx().body(Map.of("src", Map.of("id", account), "dst", Map.of("pan", pan, "expDate", exp), "value", value("40.10", "EUR")))
                .post("/tran/account2card").then().statusCode(200);
        String cvv2 = tx().queryParam("ref[id]", card).get("/card/cvv2").then().extract().jsonPath().getString("cvv2");
        tx().body(Map.of("card", Map.of("pan", pan, "expDate", exp, "cvv2", cvv2), "terminal", Map.of("mid", "SHOP-1"),
                "value", value("5.05", "EUR"))).post("/tran/purchase").then().statusCode(200);
        tx().body(Map.of("src", Map.of("pan", pan, "expDate", exp, "cvv2", cvv2), "dst", Map.of("id", account),
                "value", value("10.00", "EUR"))).post("/tran/card2account").then().statusCode(200);
        tx().body(Map.of("src", Map.of("id", account), "value", value("0.01", "EUR"))).post("/tran/account2fi").then().statusCode(200);
        assertEquals(new BigDecimal("69.89"), TxApi.balance(account));
        assertEquals(new BigDecimal("25.05"), TxApi.balance(cardContract));
        tx().queryParam("card[id]", card).get("/trans").then().statusCode(200).body("objects", hasSize(3))
                .body("objects[1].kind", equalTo("Goods")).body("objects[1].values.customer.amt", equalTo(5.05f))
                .body("objects[1].src.card.panMask", equalTo(pan.substring(0, 6) + "******" + pan.substring(12)));
    }

    @Test
    void aTransferWithUserAttributesIsAcceptedAndTheyAreNotShown() {
        long a = TxApi.account("EUR", "10.00");
        long b = TxApi.account("EUR", null);
        Map<String, Object> tranRq = Map.of("match", Map.of("key", "ua-" + System.nanoTime()), "userAttrs", List.of(
                Map.of("rid", "AGW-ACC-COMMENT", "val", "Top-up order 1234"),
                Map.of("rid", "AGW-CARD-COMMENT", "val", "Gift")));
        long tranId = tx().body(Map.of("src", Map.of("id", a), "dst", Map.of("id", b), "value", value("2.50", "EUR"),
                "tranRq", tranRq)).post("/tran/account2account").then().statusCode(200).extract().jsonPath()
                .getLong("tranId");
        assertEquals(new BigDecimal("2.50"), TxApi.balance(b));
        // docs/tx-contract.md: TX's transaction read model has no free text; the simulator keeps none.
        String listed = tx().queryParam("id", tranId).get("/tran").then().statusCode(200).extract().asString();
        assertEquals(-1, listed.indexOf("Top-up order 1234"), listed);
    }

    @Test
    void fi2accountCreditsOnceByMatchKeyAndIsCheckedLikeAnyCredit() {
        long a = TxApi.account("EUR", "10.00");
        String key = TxApi.key();
        Map<String, Object> body = Map.of("dst", Map.of("id", a), "value", value("5.25", "EUR"),
                "tranRq", TxApi.tranRq(key));
        long tranId = tx().body(body).post("/tran/fi2account").then().statusCode(200).extract().jsonPath()
                .getLong("tranId");
        tx().body(body).post("/tran/fi2account").then().statusCode(200).body("tranId", equalTo((int) tranId));
        assertEquals(new BigDecimal("15.25"), TxApi.balance(a));
        tx().queryParam("contract[id]", a).get("/trans").then().statusCode(200).body("objects", hasSize(1))
                .body("objects[0].kind", equalTo("Credit")).body("objects[0].src.vendor.rid", equalTo("FI"))
                .body("objects[0].dst.contract.id", equalTo((int) a));
        // the spec's required members, and the destination's checks
        tx().body(Map.of("value", value("1.00", "EUR"))).post("/tran/fi2account").then().statusCode(400);
        tx().body(Map.of("dst", Map.of("id", a))).post("/tran/fi2account").then().statusCode(400);
        tx().body(Map.of("dst", Map.of("id", a), "value", value("1.00", "USD"))).post("/tran/fi2account").then()
                .statusCode(422).body("code", equalTo("CURRENCY_MISMATCH"));
        long closed = TxApi.account("EUR", null);
        TxApi.close(closed);
        tx().body(Map.of("dst", Map.of("id", closed), "value", value("1.00", "EUR"))).post("/tran/fi2account").then()
                .statusCode(422).body("code", equalTo("CONTRACT_CLOSED"));
        assertEquals(new BigDecimal("15.25"), TxApi.balance(a));
    }

    @Test
    void amountsOutsideTheCurrencyScaleOrNotPositiveAre400() {
        long a = TxApi.account("EUR", "10.00");
        long b = TxApi.account("EUR", null);
        TxApi.a2a(a, b, "1.005", "EUR", null).then().statusCode(400).body("description", equalTo("value.amt has more decimals than EUR allows (2)"));
        TxApi.a2a(a, b, "0", "EUR", null).then().statusCode(400);
        TxApi.a2a(a, b, "-1", "EUR", null).then().statusCode(400);
        TxApi.a2a(a, b, "1", "XYZ", null).then().statusCode(400);
        TxApi.a2a(a, 999_999, "1", "EUR", null).then().statusCode(404);
        TxApi.a2a(a, a, "1", "EUR", null).then().statusCode(400);
        assertEquals(new BigDecimal("10.00"), TxApi.balance(a));
    }

    @Test
    void eachDeclineCode() {
        long holder = TxApi.person();
        long a = TxApi.contract(holder, "CT-ACCOUNT-CONSUMER", "EUR", "20000.00");
        long b = TxApi.account("EUR", null);
        TxApi.a2a(a, b, "20000.01", "EUR", null).then().statusCode(422).body("code", equalTo("INSUFFICIENT_FUNDS"))
                .body("result", equalTo("Declined")).body("tranId", org.hamcrest.Matchers.notNullValue());
        TxApi.a2a(a, b, "1.00", "USD", null).then().statusCode(422).body("code", equalTo("CURRENCY_MISMATCH"));
        long cardContract = TxApi.contract(holder, "CT-CARD", "EUR", "9999.00");
        TxApi.a2a(a, cardContract, "5000.01", "EUR", null).then().statusCode(422).body("code", equalTo("AMOUNT_LIMIT_EXCEEDED"));
        TxApi.a2a(a, cardContract, "1.01", "EUR", null).then().statusCode(422).body("code", equalTo("BALANCE_LIMIT_EXCEEDED"));
        TxApi.a2a(a, cardContract, "1.00", "EUR", null).then().statusCode(200);
        long created = tx().body(Map.of("object", Map.of("type", Map.of("rid", "CT-ACCOUNT-CONSUMER"), "client", Map.of("id", holder),
                "details", Map.of("mainCcy", "EUR")))).put("/contract").then().extract().jsonPath().getLong("objectId");
        TxApi.a2a(a, created, "1.00", "EUR", null).then().statusCode(422).body("code", equalTo("CONTRACT_NOT_ACTIVE"));
        long closed = TxApi.account("EUR", null);
        TxApi.close(closed);
        TxApi.a2a(a, closed, "1.00", "EUR", null).then().statusCode(422).body("code", equalTo("CONTRACT_CLOSED"));

        long cc2 = TxApi.contract(holder, "CT-CARD", "EUR", null);
        long card = TxApi.card(holder, cc2, "Inactive");
        Map<String, Object> toCard = Map.of("src", Map.of("id", a), "dst", Map.of("pan", TxApi.pan(card)),
                "value", value("1.00", "EUR"));
        tx().body(toCard).post("/tran/account2card").then().statusCode(422).body("code", equalTo("CARD_NOT_ACTIVE"));
        tx().body(TxApi.cardWith(card, Map.of("status", "Blocked"))).put("/card").then().statusCode(200);
        tx().body(toCard).post("/tran/account2card").then().statusCode(422).body("code", equalTo("CARD_BLOCKED"));
        tx().queryParam("ref[id]", card).delete("/card").then().statusCode(200);
        tx().body(toCard).post("/tran/account2card").then().statusCode(422).body("code", equalTo("CARD_CLOSED"));
        long active = TxApi.card(holder, TxApi.contract(holder, "CT-CARD", "EUR", null), "Active");
        tx().body(Map.of("src", Map.of("id", a), "dst", Map.of("pan", TxApi.pan(active), "expDate", "2001-01-31"),
                "value", value("1.00", "EUR"))).post("/tran/account2card").then().statusCode(422).body("code", equalTo("INVALID_CARD_DATA"));
        assertEquals(new BigDecimal("19999.00"), TxApi.balance(a));
        // declined transfers are registered and listed, and move nothing
        tx().queryParam("contract[id]", b).get("/trans").then().body("objects.result", equalTo(List.of("INSUFFICIENT_FUNDS", "CURRENCY_MISMATCH")));
    }

    @Test
    void reversalRestoresOnceAndLookupByMatchKey() {
        long a = TxApi.account("EUR", "50.00");
        long b = TxApi.account("EUR", null);
        String key = TxApi.key();
        long tranId = TxApi.a2a(a, b, "20.00", "EUR", key).then().statusCode(200).extract().jsonPath().getLong("tranId");
        String sent = TxApi.sentJustBefore();
        tx().queryParam("ref[matchKey]", key).queryParam("ref[rqSentTime]", sent).get("/tran").then().statusCode(200)
                .body("id", equalTo((int) tranId)).body("result", equalTo("Approved"))
                .body("values.customer.amt", equalTo(20.00f));
        // TX matches a key only within rqSentTime <= regTime <= rqSentTime + 60 s: never for ever, never without it.
        tx().queryParam("ref[matchKey]", key).get("/tran").then().statusCode(400);
        tx().queryParam("ref[matchKey]", key).queryParam("ref[rqSentTime]", "2001-01-01T00:00:00").get("/tran").then().statusCode(404);
        String afterRegistration = TxApi.txTime(LocalDateTime.now(ZoneOffset.UTC).plusSeconds(5));
        tx().queryParam("ref[matchKey]", key).queryParam("ref[rqSentTime]", afterRegistration).get("/tran").then()
                .statusCode(404);
        tx().queryParam("ref[matchKey]", "never-used").queryParam("ref[rqSentTime]", sent).get("/tran").then().statusCode(404);
        tx().queryParam("ref[id]", tranId).get("/tran").then().statusCode(200);

        tx().body(Map.of("reversedTran", Map.of("matchKey", key), "reason", "test")).post("/tran/reversal").then()
                .statusCode(400);
        Map<String, Object> rev = Map.of("reversedTran", Map.of("matchKey", key, "rqSentTime", sent), "reason", "test");
        tx().body(rev).post("/tran/reversal").then().statusCode(200);
        assertEquals(new BigDecimal("50.00"), TxApi.balance(a));
        assertEquals(new BigDecimal("0.00"), TxApi.balance(b));
        tx().body(rev).post("/tran/reversal").then().statusCode(422).body("code", equalTo("ALREADY_REVERSED"));
        long declined = TxApi.a2a(a, b, "999.00", "EUR", null).then().statusCode(422).extract().jsonPath().getLong("tranId");
        tx().body(Map.of("reversedTran", Map.of("id", declined))).post("/tran/reversal").then().statusCode(422)
                .body("code", equalTo("NOT_REVERSIBLE"));
        tx().body(Map.of("reversedTran", Map.of("id", 1))).post("/tran/reversal").then().statusCode(404);
        tx().queryParam("contract[id]", b).get("/trans").then().body("objects.isReversal", equalTo(List.of(false, true, true, false, true)))
                .body("objects.result", equalTo(List.of("Approved", "Approved", "ALREADY_REVERSED", "INSUFFICIENT_FUNDS", "NOT_REVERSIBLE")));
    }

    @Test
    void paginationOrderAndTimeFilter() {
        long a = TxApi.account("EUR", "100.00");
        long b = TxApi.account("EUR", null);
        for (int i = 1; i <= 5; i++) {
            TxApi.a2a(a, b, i + ".00", "EUR", null).then().statusCode(200);
        }
        List<Integer> all = tx().queryParam("contract[id]", b).get("/trans").then().body("hasMore", equalTo(false))
                .extract().jsonPath().getList("objects.id");
        assertEquals(5, all.size());
        assertEquals(all.stream().sorted().toList(), all);
        tx().queryParam("contract[id]", b).queryParam("page[offset]", 0).queryParam("page[limit]", 2).get("/trans").then()
                .body("hasMore", equalTo(true)).body("objects.id", equalTo(all.subList(0, 2)));
        tx().queryParam("contract[id]", b).queryParam("page[offset]", 3).queryParam("page[limit]", 2).get("/trans").then()
                .body("hasMore", equalTo(false)).body("objects.id", equalTo(all.subList(3, 5)));
        tx().queryParam("contract[id]", b).queryParam("page[offset]", 0).queryParam("page[limit]", 5).get("/trans").then()
                .body("hasMore", equalTo(false)).body("objects", hasSize(5));
        tx().queryParam("contract[id]", b).queryParam("page[offset]", 2).queryParam("page[limit]", 2).get("/trans").then()
                .body("hasMore", equalTo(true)).body("objects.id", equalTo(all.subList(2, 4)));
        tx().queryParam("contract[id]", b).queryParam("page[offset]", 9).get("/trans").then()
                .body("hasMore", equalTo(false)).body("objects", hasSize(0));
        List<Integer> desc = tx().queryParam("contract[id]", b).queryParam("order", "IdDesc").get("/trans").then()
                .extract().jsonPath().getList("objects.id");
        assertEquals(all.stream().sorted(java.util.Comparator.reverseOrder()).toList(), desc);
        String past = "2001-01-01T00:00:00";
        String future = TxApi.txTime(LocalDateTime.now(ZoneOffset.UTC).plusHours(1));
        tx().queryParam("contract[id]", b).queryParam("filter[begTime]", past).queryParam("filter[endTime]", future).get("/trans")
                .then().body("objects", hasSize(5));
        tx().queryParam("contract[id]", b).queryParam("filter[begTime]", future).get("/trans").then().body("objects", hasSize(0));
        tx().queryParam("contract[id]", b).queryParam("filter[endTime]", past).get("/trans").then().body("objects", hasSize(0));
        String regTime = tx().queryParam("ref[id]", all.get(0)).get("/tran").then().extract().jsonPath().getString("regTime");
        tx().queryParam("contract[id]", b).queryParam("filter[begTime]", past).queryParam("filter[endTime]", regTime).get("/trans")
                .then().body("objects.id", org.hamcrest.Matchers.hasItem(all.get(0)));
        tx().queryParam("contract[id]", b).queryParam("filter[begTime]", future).queryParam("filter[endTime]", past).get("/trans")
                .then().statusCode(400);
        tx().queryParam("contract[id]", b).queryParam("filter[begTime]", "yesterday").get("/trans").then().statusCode(400);
        tx().get("/trans").then().statusCode(400);
    }
}
