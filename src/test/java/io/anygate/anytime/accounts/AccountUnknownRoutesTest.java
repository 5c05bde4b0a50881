package io.anygate.anytime.accounts;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Account routes in neither the Anytime document nor the SDK answer the InvalidRouteException 4040010 of an unknown
 * route, on an account the partner owns (docs/mapping.md, "Not covered here").
 */
@QuarkusTest
class AccountUnknownRoutesTest {

    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);

    @Test
    void otherUnknownAccountRoutesStayInvalid() {
        long id = kappa.openOk(AccountCalls.consumer());
        kappa.call().contentType("application/x-www-form-urlencoded").formParam("x", "y")
                .post("/v1.0/accounts/" + id + "/link-cards")
                .then().statusCode(404).body("body.error.code", equalTo(4040010));
        kappa.get("/v1.0/accounts/" + id + "/kyc/extra").then().statusCode(404)
                .body("body.error.code", equalTo(4040010));
        kappa.get("/v1.0/accounts/" + id + "/credit-transfers/1/testimonial/extra").then().statusCode(404)
                .body("body.error.code", equalTo(4040010));
    }
}
