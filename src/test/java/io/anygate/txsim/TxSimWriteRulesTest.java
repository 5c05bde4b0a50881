package io.anygate.txsim;

import static io.anygate.txsim.TxApi.tx;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulator holds the gateway to TX's write rules as docs/tx-contract.md reads them: required card dates, PUT
 * card as a full replace, finish before close, time filters in one format, and a link write that has no match key.
 */
@QuarkusTest
class TxSimWriteRulesTest {

    @Test
    void aCardObjectWithoutItsExpirationIsRefused() {
        long holder = TxApi.person();
        long cc = TxApi.contract(holder, "CT-CARD", "EUR", null);
        tx().body(Map.of("object", Map.of("holder", Map.of("id", holder), "financialContract", Map.of("id", cc))))
                .put("/card").then().statusCode(400).body("code", equalTo("BAD_REQUEST"))
                .body("description", startsWith("object.dates"));
        long card = TxApi.card(holder, cc, "Active");
        tx().body(Map.of("object", Map.of("ref", Map.of("id", card), "status", "Blocked"))).put("/card").then()
                .statusCode(400).body("code", equalTo("BAD_REQUEST"))
                .body("description", startsWith("object.dates"));
        tx().queryParam("ref[id]", card).get("/card").then().body("status", equalTo("Active"));
        tx().queryParam("ref[id]", card).body(Map.of("newCard", Map.of("ref", Map.of("rid", "R-" + TxApi.key()))))
                .post("/card/reissue").then().statusCode(400).body("code", equalTo("BAD_REQUEST"))
                .body("description", startsWith("newCard.dates"));
        long reissued = tx().queryParam("ref[id]", card).body(Map.of("newCard", Map.of("dates",
                Map.of("expiration", "2032-05-31")))).post("/card/reissue").then().statusCode(200)
                .extract().jsonPath().getLong("objectId");
        tx().queryParam("ref[id]", reissued).get("/card").then().body("dates.expiration", equalTo("2032-05-31"));
    }

    @Test
    void aCardPutReplacesWhatAClientWrites() {
        long holder = TxApi.person();
        long cc = TxApi.contract(holder, "CT-CARD", "EUR", null);
        long card = tx().body(Map.of("object", Map.of("holder", Map.of("id", holder), "financialContract", Map.of("id", cc),
                "names", Map.of("emboss", "ADA L"), "notes", "first", "restrictionsProfile", Map.of("rid", "RP-NO-ATM"),
                "dates", Map.of("expiration", TxApi.EXPIRATION), "notInTheSpec", "x")))
                .put("/card").then().statusCode(200).extract().jsonPath().getLong("objectId");
        tx().queryParam("ref[id]", card).get("/card").then().body("notes", equalTo("first"))
                .body("notInTheSpec", nullValue());

        tx().body(Map.of("object", Map.of("ref", Map.of("id", card), "names", Map.of("emboss", "ADA LOVELACE"),
                "dates", Map.of("expiration", "2030-12-31")))).put("/card").then().statusCode(200);
        tx().queryParam("ref[id]", card).get("/card").then().statusCode(200)
                .body("names.emboss", equalTo("ADA LOVELACE")).body("notes", nullValue())
                .body("restrictionsProfile.rid", equalTo("RP-ALL")).body("status", equalTo("Inactive"))
                .body("dates.expiration", equalTo("2030-12-31")).body("panMask", not(nullValue()));
    }

    @Test
    void aContractClosesOnlyFinishedAndEmpty() {
        long a = TxApi.account("EUR", "50.00");
        long b = TxApi.account("EUR", null);
        tx().queryParam("ref[id]", a).post("/contract/close").then().statusCode(422)
                .body("code", equalTo("CONTRACT_NOT_FINISHED")).body("result", equalTo("Declined"));
        tx().queryParam("ref[id]", a).post("/contract/finish").then().statusCode(200);
        tx().queryParam("ref[id]", a).post("/contract/finish").then().statusCode(200);
        tx().queryParam("ref[id]", a).get("/contract").then().body("details.status", equalTo("Finished"))
                .body("details.dates.finish", not(nullValue()));
        TxApi.a2a(a, b, "1.00", "EUR", null).then().statusCode(422).body("code", equalTo("CONTRACT_NOT_ACTIVE"));
        tx().queryParam("ref[id]", a).post("/contract/activate").then().statusCode(422)
                .body("code", equalTo("INVALID_STATUS_TRANSITION"));
        tx().queryParam("ref[id]", a).post("/contract/close").then().statusCode(422)
                .body("code", equalTo("CONTRACT_NOT_EMPTY"));
        TxApi.fund(a, "EUR", "0.00");
        tx().queryParam("ref[id]", a).post("/contract/close").then().statusCode(200);
        tx().queryParam("ref[id]", a).get("/contract").then().body("details.status", equalTo("Closed"));
        tx().queryParam("ref[id]", a).post("/contract/finish").then().statusCode(422)
                .body("code", equalTo("CONTRACT_CLOSED"));
    }

    @Test
    void timeFiltersTakeOnlyTheDocumentedFormat() {
        long a = TxApi.account("EUR", null);
        for (String bad : new String[] {"2026-10-31T23:00", "2026-10-31T23:00:00.500", "2026-10-31 23:00:00",
                "2026-10-31T23:00:00Z", "2026-02-30T00:00:00"}) {
            tx().queryParam("contract[id]", a).queryParam("filter[begTime]", bad).get("/trans").then()
                    .statusCode(400).body("description", startsWith("filter.begTime"));
            tx().queryParam("contract[id]", a).queryParam("filter[endTime]", bad).get("/trans").then()
                    .statusCode(400).body("description", startsWith("filter.endTime"));
        }
        tx().queryParam("contract[id]", a).queryParam("filter[begTime]", "2026-10-31T23:00:00")
                .queryParam("filter[endTime]", "2026-11-01T00:00:00").get("/trans").then().statusCode(200);
    }

    @Test
    void unknownObjectsAreAnsweredAsTheSpecListsTheAnswers() {
        // PUT subject, PUT card, contract/activate|finish|close list no 404: an unknown object declines the write
        long unknown = 987_654_321L;
        tx().queryParam("mustExist", true).body(Map.of("object", Map.of("ref", Map.of("rid", "nope-" + TxApi.key()),
                "kind", "Person"))).put("/subject").then().statusCode(422).body("code", equalTo("OBJECT_NOT_FOUND"))
                .body("result", equalTo("Declined")).body("tranId", not(nullValue()));
        tx().queryParam("mustExist", true).body(Map.of("object", Map.of("ref", Map.of("id", unknown),
                "dates", Map.of("expiration", TxApi.EXPIRATION)))).put("/card").then().statusCode(422)
                .body("code", equalTo("OBJECT_NOT_FOUND"));
        for (String op : new String[] {"activate", "finish", "close"}) {
            tx().queryParam("ref[id]", unknown).post("/contract/" + op).then().statusCode(422)
                    .body("code", equalTo("OBJECT_NOT_FOUND"));
        }
        // GET trans lists no 404 either: an unknown contract or card has no transactions
        tx().queryParam("contract[id]", unknown).get("/trans").then().statusCode(200).body("objects", hasSize(0))
                .body("hasMore", equalTo(false));
        tx().queryParam("card[id]", unknown).get("/trans").then().statusCode(200).body("objects", hasSize(0));
        // where the spec lists a 404, it stays
        tx().queryParam("ref[id]", unknown).get("/contract").then().statusCode(404);
        tx().queryParam("mustExist", true).body(Map.of("object", Map.of("ref", Map.of("id", unknown))))
                .put("/contract").then().statusCode(404);
    }

    @Test
    void aLinkWriteHasNoMatchKeyAndIgnoresWhatTheSpecDoesNotDefine() {
        long a = TxApi.account("EUR", null);
        long b = TxApi.account("EUR", null);
        Map<String, Object> body = new HashMap<>(Map.of("contract1", Map.of("id", a), "contract2", Map.of("id", b),
                "kind", "Card", "tranRq", TxApi.tranRq(TxApi.key()), "notInTheSpec", "x"));
        long first = tx().body(body).put("/contract2contract").then().statusCode(200).extract().jsonPath()
                .getLong("objectId");
        long second = tx().body(body).put("/contract2contract").then().statusCode(200)
                .header("X-TX-Match", nullValue()).extract().jsonPath().getLong("objectId");
        assertNotEquals(first, second);
        tx().queryParam("filter[contract1Id]", a).get("/contract2contracts").then().statusCode(200)
                .body("objects", hasSize(2));
        tx().queryParam("id", first).get("/contract2contract").then().statusCode(200)
                .body("tranRq", nullValue()).body("notInTheSpec", nullValue()).body("kind", equalTo("Card"));
    }
}
