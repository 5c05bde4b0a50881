package io.anygate.txsim;

import static io.anygate.txsim.TxApi.tx;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulator refuses what the spec's field tables refuse (types, formats, enumerations, required fields) with
 * TX's 400 body naming the field, before anything is written; it never echoes the value.
 */
@QuarkusTest
class TxSimValidationTest {

    @Test
    void aBirthDateThatIsNoDateIsRefusedAndNothingIsCreated() {
        String rid = "VAL-S-" + TxApi.key();
        tx().body(Map.of("object", Map.of("ref", Map.of("rid", rid), "kind", "Person",
                        "details", Map.of("firstName", "Ada", "birthDate", "not-a-date"))))
                .put("/subject").then().statusCode(400).body("code", equalTo("BAD_REQUEST"))
                .body("description", equalTo("object.details.birthDate must be a valid date"));
        tx().queryParam("ref[rid]", rid).get("/subject").then().statusCode(404);
    }

    @Test
    void aCardMemberNumberThatIsNoIntegerIsRefused() {
        long holder = TxApi.person();
        tx().body(Map.of("object", Map.of("holder", Map.of("id", holder), "mbr", "x",
                        "dates", Map.of("expiration", "2029-12-31"))))
                .put("/card").then().statusCode(400).body("code", equalTo("BAD_REQUEST"))
                .body("description", equalTo("object.mbr must be integer"));
    }

    @Test
    void enumerationsCountryCodesAndRequiredFields() {
        tx().body(Map.of("object", Map.of("kind", "Robot"))).put("/subject").then().statusCode(400)
                .body("description", equalTo("object.kind is not an allowed value"));
        tx().body(Map.of("object", Map.of("kind", "Person", "details", Map.of("homeAddress", Map.of("country", 999)))))
                .put("/subject").then().statusCode(400)
                .body("description", equalTo("object.details.homeAddress.country is not an allowed value"));
        long a = TxApi.account("EUR", "10.00");
        long b = TxApi.account("EUR", null);
        tx().body(Map.of("src", Map.of("id", a), "dst", Map.of("id", b))).post("/tran/account2account").then()
                .statusCode(400).body("description", equalTo("value is required"));
        tx().body(Map.of("src", Map.of("id", a), "dst", Map.of("id", b), "value", Map.of("amt", "1.00", "ccy", "EUR")))
                .post("/tran/account2account").then().statusCode(400).body("description", equalTo("value.amt must be number"));
        assertEquals(new BigDecimal("10.00"), TxApi.balance(a));
        tx().queryParam("ref[id]", a).queryParam("ccy", "EUR").body(Map.of("balance", 1)).put("/contract/balance")
                .then().statusCode(400).body("description", equalTo("accountRole is required"));
        tx().queryParam("ref[matchKey]", "k-1").queryParam("ref[rqSentTime]", "2026-11-23 12:00:00").get("/tran").then()
                .statusCode(400).body("description", equalTo("ref.rqSentTime does not have the required format"));
    }

    @Test
    void aMalformedPanIsNamedNotEchoed() {
        long a = TxApi.account("EUR", "10.00");
        tx().body(Map.of("src", Map.of("id", a), "dst", Map.of("pan", "7777-7712-3456-7890"),
                        "value", Map.of("amt", 1, "ccy", "EUR")))
                .post("/tran/account2card").then().statusCode(400)
                .body("description", equalTo("dst.pan does not have the required format"))
                .body("description", not(containsString("7777")));
    }
}
