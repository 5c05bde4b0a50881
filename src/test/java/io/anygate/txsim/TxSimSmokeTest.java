package io.anygate.txsim;

import static io.anygate.txsim.TxApi.tx;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TxSimSmokeTest {

    @Test
    void pingAnswersWithCredentialsOnly() {
        given().auth().preemptive().basic(TxApi.USER, TxApi.PASSWORD).get("/txsim/").then().statusCode(200);
        given().get("/txsim/").then().statusCode(401).header("WWW-Authenticate", "Basic realm=\"TX\"");
        given().auth().preemptive().basic(TxApi.USER, "wrong").get("/txsim/").then().statusCode(401);
        given().auth().preemptive().basic(TxApi.USER, "wrong").get("/txsim/tx/v1/contract-types").then().statusCode(401);
    }

    @Test
    void transferMovesMoney() {
        long a = TxApi.account("EUR", "100.00");
        long b = TxApi.account("EUR", null);
        TxApi.a2a(a, b, "10.50", "EUR", TxApi.key()).then().statusCode(200);
        tx().queryParam("ref[id]", b).get("/contract").then().statusCode(200)
                .body("details.balances.available", equalTo(10.50f));
    }
}
