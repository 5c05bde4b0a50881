package io.anygate.txsim;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Test helper: calls the embedded simulator at /txsim/tx/v1 with the sandbox credentials, builds fixtures. */
final class TxApi {

    static final String USER = "tx-sandbox";
    static final String PASSWORD = "tx-sandbox-secret";

    private TxApi() {
    }

    static RequestSpecification tx() {
        return given().auth().preemptive().basic(USER, PASSWORD).contentType(ContentType.JSON).basePath("/txsim/tx/v1")
                .urlEncodingEnabled(true);
    }

    static RequestSpecification sim() {
        return given().auth().preemptive().basic(USER, PASSWORD).contentType(ContentType.JSON).basePath("/txsim/sim");
    }

    static String key() {
        return "k-" + UUID.randomUUID();
    }

    /** A {@code rqSentTime} whose 60-second window holds what is registered now (TX's UTC local time). */
    static String sentJustBefore() {
        return txTime(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(30));
    }

    /**
     * A time as TX writes it, seconds always included: {@code LocalDateTime.toString()} leaves them out on a whole
     * minute, which TX refuses (400).
     */
    static String txTime(java.time.LocalDateTime time) {
        return time.format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"));
    }

    static Map<String, Object> tranRq(String key) {
        return Map.of("match", Map.of("key", key));
    }

    static long person() {
        return tx().body(Map.of("object", Map.of("kind", "Person", "details", Map.of("firstName", "Ada", "lastName", "L"))))
                .put("/subject").then().statusCode(200).extract().jsonPath().getLong("objectId");
    }

    /** A contract of {@code type} in {@code ccy}, activated, with {@code balance}. */
    static long contract(long client, String type, String ccy, String balance) {
        long id = tx().body(Map.of("object", Map.of("type", Map.of("rid", type), "client", Map.of("id", client),
                "details", Map.of("mainCcy", ccy, "name", "test"))))
                .put("/contract").then().statusCode(200).extract().jsonPath().getLong("objectId");
        tx().queryParam("ref[id]", id).post("/contract/activate").then().statusCode(200);
        if (balance != null) {
            fund(id, ccy, balance);
        }
        return id;
    }

    static void fund(long contract, String ccy, String balance) {
        tx().queryParam("ref[id]", contract).queryParam("accountRole", "Main").queryParam("ccy", ccy)
                .body(Map.of("balance", new BigDecimal(balance))).put("/contract/balance").then().statusCode(200);
    }

    static long account(String ccy, String balance) {
        return contract(person(), "CT-ACCOUNT-CONSUMER", ccy, balance);
    }

    /** The expiration date the fixtures give their cards ({@code dates.expiration} is required). */
    static final String EXPIRATION = "2031-01-31";

    /** A card on a new CT-CARD contract of {@code holder}, with the given status. */
    static long card(long holder, long cardContract, String status) {
        return tx().body(Map.of("object", Map.of("holder", Map.of("id", holder), "financialContract", Map.of("id", cardContract),
                "status", status, "names", Map.of("emboss", "ADA L"), "dates", Map.of("expiration", EXPIRATION))))
                .put("/card").then().statusCode(200).extract().jsonPath().getLong("objectId");
    }

    /**
     * The card object as the simulator answers it, {@code changes} applied, without the members TX answered as null
     * (as the gateway sends it): a full-replace PUT body.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> cardWith(long card, Map<String, Object> changes) {
        Map<String, Object> object = io.anygate.testsupport.CardFixture.withoutNulls(tx().queryParam("ref[id]", card)
                .get("/card").then().statusCode(200).extract().as(Map.class));
        object.putAll(changes);
        return Map.of("object", object);
    }

    /** Finishes then closes a contract with no money on it. */
    static void close(long contract) {
        tx().queryParam("ref[id]", contract).post("/contract/finish").then().statusCode(200);
        tx().queryParam("ref[id]", contract).post("/contract/close").then().statusCode(200);
    }

    static BigDecimal balance(long contract) {
        String body = tx().queryParam("ref[id]", contract).get("/contract").then().statusCode(200).extract().asString();
        return new io.restassured.path.json.JsonPath(body).using(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .get("details.balances.available");
    }

    static String pan(long card) {
        return tx().queryParam("ref[id]", card).get("/card/pan").then().statusCode(200).extract().jsonPath().getString("pan");
    }

    static Response a2a(long src, long dst, String amt, String ccy, String key) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("src", Map.of("id", src), "dst", Map.of("id", dst),
                "value", Map.of("amt", new BigDecimal(amt), "ccy", ccy)));
        if (key != null) {
            body.put("tranRq", tranRq(key));
        }
        return tx().body(body).post("/tran/account2account");
    }

    static long internalErrors() {
        return sim().get("/stats").then().statusCode(200).extract().jsonPath().getLong("internalErrors");
    }
}
