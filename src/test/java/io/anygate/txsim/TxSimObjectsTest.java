package io.anygate.txsim;

import static io.anygate.txsim.TxApi.tx;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.SandboxPins;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract tests of the object endpoints: subjects, contracts, links, cards, documents, catalogue. */
@QuarkusTest
class TxSimObjectsTest {

    @Test
    void subjectUpsertAndMustExist() {
        String rid = "AGW-S-" + TxApi.key();
        long id = tx().queryParam("mustExist", false)
                .body(Map.of("object", Map.of("ref", Map.of("rid", rid), "kind", "Corporation", "details", Map.of("name", "ACME"))))
                .put("/subject").then().statusCode(200).body("tranId", notNullValue()).body("approvalCode", notNullValue())
                .extract().jsonPath().getLong("objectId");
        tx().queryParam("ref[rid]", rid).get("/subject").then().statusCode(200)
                .body("ref.id", equalTo((int) id)).body("kind", equalTo("Corporation")).body("details.name", equalTo("ACME"));
        tx().queryParam("mustExist", false).body(Map.of("object", Map.of("ref", Map.of("rid", rid), "kind", "Corporation")))
                .put("/subject").then().statusCode(422).body("code", equalTo("OBJECT_EXISTS")).body("result", equalTo("Declined"));
        tx().queryParam("mustExist", true).body(Map.of("object", Map.of("ref", Map.of("rid", "nope-" + rid), "kind", "Person")))
                .put("/subject").then().statusCode(422).body("code", equalTo("OBJECT_NOT_FOUND"));
        tx().queryParam("mustExist", true).body(Map.of("object", Map.of("ref", Map.of("id", id), "details", Map.of("name", "ACME 2"))))
                .put("/subject").then().statusCode(200).body("objectId", equalTo((int) id));
        tx().queryParam("ref[id]", id).get("/subject").then().body("details.name", equalTo("ACME 2"));
        tx().body(Map.of("object", Map.of("details", Map.of()))).put("/subject").then().statusCode(400)
                .body("description", startsWith("object.kind"));
        tx().body(Map.of("object", Map.of("kind", "Robot"))).put("/subject").then().statusCode(400);
        tx().queryParam("ref[id]", 999_999).get("/subject").then().statusCode(404);
    }

    @Test
    void referenceFormsInQueryStrings() {
        long c = TxApi.account("EUR", "5.00");
        String rid = "AGW-A-" + TxApi.key();
        tx().queryParam("mustExist", true).body(Map.of("object", Map.of("ref", Map.of("id", c, "rid", rid))))
                .put("/contract").then().statusCode(200);
        tx().queryParam("ref[id]", c).get("/contract").then().statusCode(200).body("ref.rid", equalTo(rid));
        tx().queryParam("ref.id", c).get("/contract").then().statusCode(200).body("ref.rid", equalTo(rid));
        tx().queryParam("ref", "{\"rid\":\"" + rid + "\"}").get("/contract").then().log().ifValidationFails().statusCode(200).body("ref.id", equalTo((int) c));
        tx().queryParam("id", c).get("/contract").then().statusCode(200);
        tx().queryParam("rid", rid).get("/contract").then().statusCode(200);
        tx().queryParam("ref[id]", c).queryParam("ref[rid]", rid).get("/contract").then().statusCode(200);
        long other = TxApi.account("EUR", null);
        tx().queryParam("ref[id]", other).queryParam("ref[rid]", rid).get("/contract").then().statusCode(400);
        tx().queryParam("ref[id]", "abc").get("/contract").then().statusCode(400).body("description", startsWith("ref.id"));
        tx().queryParam("ref", "{oops").get("/contract").then().statusCode(400);
        tx().get("/contract").then().statusCode(400).body("description", startsWith("ref"));
    }

    @Test
    void contractLifecycleAndBalances() {
        long client = TxApi.person();
        long id = tx().body(Map.of("object", Map.of("type", Map.of("rid", "CT-ACCOUNT-CONSUMER"), "client", Map.of("id", client),
                "details", Map.of("mainCcy", "JPY", "name", "yen"))))
                .put("/contract").then().statusCode(200).extract().jsonPath().getLong("objectId");
        tx().queryParam("ref[id]", id).get("/contract").then().statusCode(200)
                .body("details.status", equalTo("Created")).body("details.mainCcy", equalTo("JPY"))
                .body("details.balances.available", equalTo(0)).body("type.rid", equalTo("CT-ACCOUNT-CONSUMER"))
                .body("client.id", equalTo((int) client)).body("className", equalTo("Credit contracts"));
        tx().queryParam("ref[id]", id).post("/contract/activate").then().statusCode(200);
        tx().queryParam("ref[id]", id).get("/contract").then().body("details.status", equalTo("Active"));
        tx().queryParam("ref[id]", id).queryParam("accountRole", "Main").queryParam("ccy", "JPY")
                .body(Map.of("balance", 1500)).put("/contract/balance").then().statusCode(200).body("objectId", equalTo((int) id));
        tx().queryParam("ref[id]", id).get("/contract").then().body("details.balances.available", equalTo(1500))
                .body("details.balances.ledger", equalTo(1500)).body("details.balances.financial", equalTo(1500));
        tx().queryParam("ref[id]", id).queryParam("accountRole", "Main").queryParam("ccy", "JPY")
                .body(Map.of("balance", 1.5)).put("/contract/balance").then().statusCode(400);
        tx().queryParam("ref[id]", id).queryParam("accountRole", "Main").queryParam("ccy", "EUR")
                .body(Map.of("balance", 1)).put("/contract/balance").then().statusCode(422).body("code", equalTo("CURRENCY_MISMATCH"));
        tx().queryParam("ref[id]", id).queryParam("ccy", "JPY").body(Map.of("balance", 1)).put("/contract/balance")
                .then().statusCode(400).body("description", startsWith("accountRole"));
        tx().queryParam("filter[clientId]", client).get("/contracts").then().statusCode(200)
                .body("objects", hasSize(1)).body("hasMore", equalTo(false));
        tx().get("/contracts").then().statusCode(400);
        tx().queryParam("ref[id]", id).post("/contract/close").then().statusCode(422)
                .body("code", equalTo("CONTRACT_NOT_FINISHED"));
        tx().queryParam("ref[id]", id).post("/contract/finish").then().statusCode(200);
        tx().queryParam("ref[id]", id).get("/contract").then().body("details.status", equalTo("Finished"));
        tx().queryParam("ref[id]", id).post("/contract/close").then().statusCode(422).body("code", equalTo("CONTRACT_NOT_EMPTY"));
        tx().queryParam("ref[id]", id).queryParam("accountRole", "Main").queryParam("ccy", "JPY")
                .body(Map.of("balance", 0)).put("/contract/balance").then().statusCode(200);
        tx().queryParam("ref[id]", id).post("/contract/close").then().statusCode(200);
        tx().queryParam("ref[id]", id).get("/contract").then().body("details.status", equalTo("Closed"));
        tx().queryParam("ref[id]", id).post("/contract/close").then().statusCode(422).body("code", equalTo("CONTRACT_CLOSED"));
        tx().queryParam("ref[id]", id).post("/contract/activate").then().statusCode(422).body("code", equalTo("CONTRACT_CLOSED"));
        tx().body(Map.of("object", Map.of("type", Map.of("rid", "CT-NOPE"), "client", Map.of("id", client),
                "details", Map.of("mainCcy", "EUR")))).put("/contract").then().statusCode(404);
        tx().body(Map.of("object", Map.of("type", Map.of("rid", "CT-CARD"), "client", Map.of("id", client),
                "details", Map.of("mainCcy", "EURO")))).put("/contract").then().statusCode(400);
        tx().body(Map.of("object", Map.of("type", Map.of("rid", "CT-CARD"), "client", Map.of("id", client))))
                .put("/contract").then().statusCode(400).body("description", startsWith("object.details.mainCcy"));
    }

    @Test
    void contractToContractLinks() {
        long a = TxApi.account("EUR", null);
        long b = TxApi.account("EUR", null);
        long link = tx().body(Map.of("contract1", Map.of("id", a), "contract2", Map.of("id", b), "kind", "Card", "seq", 1))
                .put("/contract2contract").then().statusCode(200).extract().jsonPath().getLong("objectId");
        tx().queryParam("id", link).get("/contract2contract").then().statusCode(200)
                .body("contract1.id", equalTo((int) a)).body("contract2.id", equalTo((int) b)).body("kind", equalTo("Card"));
        tx().queryParam("filter[contract1Id]", a).get("/contract2contracts").then().statusCode(200).body("objects", hasSize(1));
        tx().queryParam("id", link).delete("/contract2contract").then().statusCode(200);
        tx().queryParam("id", link).get("/contract2contract").then().statusCode(404);
        tx().queryParam("id", "x").get("/contract2contract").then().statusCode(400);
    }

    @Test
    void cardLifecycleSecretsAndReissue() throws Exception {
        long holder = TxApi.person();
        long cc = TxApi.contract(holder, "CT-CARD", "EUR", null);
        long card = TxApi.card(holder, cc, "Inactive");
        tx().queryParam("ref[id]", card).get("/card").then().statusCode(200)
                .body("status", equalTo("Inactive")).body("lifePhaseRid", equalTo("LC_NEW"))
                .body("holder.id", equalTo((int) holder)).body("financialContract.id", equalTo((int) cc))
                .body("panMask", org.hamcrest.Matchers.matchesPattern("777777\\*{6}\\d{4}"))
                .body("restrictionsProfile.rid", equalTo("RP-ALL")).body("dates.expiration", notNullValue());
        String pan = TxApi.pan(card);
        assertTrue(pan.startsWith("777777") && pan.length() == 16 && CardSecrets.luhnValid(pan));
        String cvv2 = tx().queryParam("ref[id]", card).get("/card/cvv2").then().statusCode(200).extract().jsonPath().getString("cvv2");
        assertTrue(cvv2.matches("\\d{3}"));
        byte[] block = Base64.getDecoder().decode(tx().queryParam("ref[id]", card).get("/card/pin").then().statusCode(200)
                .extract().jsonPath().getString("pinBlock"));
        assertEquals(8, block.length);
        // ISO 9564-1 format 0 under the sandbox TDES key: deciphered and XORed with the PAN field, 0x04, 4 digits, F fill
        assertTrue(SandboxPins.format0(block, pan, SandboxPins.SANDBOX_KEY).matches("\\d{4}"));
        // never in clear: XORed with the PAN field without deciphering, the block is not a PIN field
        String panField = "0000" + pan.substring(3, 15);
        StringBuilder clear = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            clear.append(String.format("%02X", (block[i] ^ Integer.parseInt(panField.substring(2 * i, 2 * i + 2), 16)) & 0xFF));
        }
        assertFalse(clear.toString().matches("04\\d{4}F{10}"), "the PIN block is sent in clear");

        tx().body(TxApi.cardWith(card, Map.of("status", "Active", "restrictionsProfile", Map.of("rid", "RP-NO-ATM"))))
                .queryParam("mustExist", true).put("/card").then().statusCode(200);
        tx().queryParam("ref[id]", card).get("/card").then().body("status", equalTo("Active"))
                .body("restrictionsProfile.rid", equalTo("RP-NO-ATM")).body("names.emboss", equalTo("ADA L"));
        tx().body(TxApi.cardWith(card, Map.of("status", "Inactive"))).put("/card")
                .then().statusCode(422).body("code", equalTo("INVALID_STATUS_TRANSITION"));
        tx().body(TxApi.cardWith(card, Map.of("status", "Frozen"))).put("/card").then().statusCode(400);
        tx().queryParam("filter[holderId]", holder).get("/cards").then().statusCode(200).body("objects", hasSize(1));
        tx().queryParam("contract[id]", cc).get("/contract/cards").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].card.id", equalTo((int) card));

        tx().body(TxApi.cardWith(card, Map.of("status", "Lost"))).put("/card").then().statusCode(200);
        long reissued = tx().queryParam("ref[id]", card).body(Map.of("copyFromOldCard", Map.of("pan", false, "limits", true)))
                .post("/card/reissue").then().statusCode(200).extract().jsonPath().getLong("objectId");
        assertNotEquals(card, reissued);
        assertNotEquals(pan, TxApi.pan(reissued));
        tx().queryParam("ref[id]", reissued).get("/card").then().body("status", equalTo("Inactive"))
                .body("restrictionsProfile.rid", equalTo("RP-NO-ATM")).body("holder.id", equalTo((int) holder));
        tx().queryParam("ref[id]", reissued).delete("/card").then().statusCode(200);
        tx().queryParam("ref[id]", reissued).get("/card").then().body("status", equalTo("Closed"));
        tx().queryParam("ref[id]", reissued).delete("/card").then().statusCode(422).body("code", equalTo("CARD_CLOSED"));
        tx().body(Map.of("object", Map.of("holder", Map.of("id", holder), "dates", Map.of("expiration", TxApi.EXPIRATION))))
                .put("/card").then().statusCode(400);
        tx().body(Map.of("object", Map.of("holder", Map.of("id", holder), "financialContract", Map.of("id", 987654),
                "dates", Map.of("expiration", TxApi.EXPIRATION)))).put("/card").then().statusCode(422)
                .body("code", equalTo("OBJECT_NOT_FOUND"));
        tx().queryParam("ref[id]", 987654).get("/card/pan").then().statusCode(404);
    }

    @Test
    void documentsNotificationsAndCatalogue() {
        long subject = TxApi.person();
        long doc = tx().queryParam("subject[id]", subject).body(Map.of("object", Map.of("rid", "123456", "series", "75",
                "type", Map.of("rid", "PASSPORT")))).put("/subject-document").then().statusCode(200)
                .extract().jsonPath().getLong("objectId");
        tx().queryParam("ref[id]", doc).get("/subject-document").then().statusCode(200)
                .body("rid", equalTo("123456")).body("subject.id", equalTo((int) subject));
        tx().queryParam("subject[id]", subject).body(Map.of("channelKind", "Email", "address", "a@b.c", "messageBody", "hi"))
                .post("/subject/notification").then().statusCode(200);
        TxApi.sim().get("/notifications").then().statusCode(200).body("address", org.hamcrest.Matchers.hasItem("a@b.c"));
        List<String> rids = tx().get("/contract-types").then().statusCode(200).extract().jsonPath().getList("objects.ref.rid");
        assertEquals(List.of("CT-ACCOUNT-CONSUMER", "CT-ACCOUNT-BUSINESS", "CT-CARD"), rids);
        tx().get("/card-products").then().statusCode(200).body("objects.ref.rid", equalTo(List.of("CP-PHYSICAL", "CP-VIRTUAL")));
    }

    @Test
    void malformedRequestsAre400AndNeverReachTheCatchAll() {
        long before = TxApi.internalErrors();
        tx().body("{not json").put("/subject").then().statusCode(400).body("code", equalTo("BAD_REQUEST"));
        tx().body("[1,2]").put("/contract").then().statusCode(400);
        tx().body("").post("/tran/account2account").then().statusCode(400);
        tx().body(Map.of("object", "x")).put("/card").then().statusCode(400);
        tx().body(Map.of("src", 5, "dst", Map.of("id", 1), "value", Map.of("amt", 1, "ccy", "EUR"))).post("/tran/account2account")
                .then().statusCode(400).body("description", startsWith("src"));
        tx().body(Map.of("src", Map.of("id", 1), "dst", Map.of("id", 1), "value", Map.of("amt", "ten", "ccy", "EUR")))
                .post("/tran/account2fi").then().statusCode(400);
        tx().queryParam("page[limit]", 0).queryParam("filter[clientId]", 1).get("/contracts").then().statusCode(400);
        tx().queryParam("order", "Sideways").queryParam("filter[clientId]", 1).get("/contracts").then().statusCode(400);
        tx().get("/no-such-operation").then().statusCode(404);
        assertEquals(before, TxApi.internalErrors());
    }
}
