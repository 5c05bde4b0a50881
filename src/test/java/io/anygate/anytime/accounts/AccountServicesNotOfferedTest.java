package io.anygate.anytime.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Anytime account routes not offered yet (credit transfers) answer the documented
 * FunctionalityNotAllowedException 4030030, as the PHP SDK calls them, after the account checks; never the
 * InvalidRouteException 4040010 of an unknown route.
 */
@QuarkusTest
class AccountServicesNotOfferedTest {

    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);
    final AccountCalls lambda = new AccountCalls(AccountCalls.LAMBDA);

    /** Method and path suffix of each route, with the body the SDK sends (form or multipart). */
    record Route(String method, String suffix, Function<RequestSpecification, RequestSpecification> body) {
    }

    static final List<Route> ROUTES = List.of(
            new Route("GET", "/credit-transfers", r -> r.queryParam("limit_start", 0)),
            new Route("POST", "/credit-transfers", r -> r.contentType("application/x-www-form-urlencoded")
                    .formParam("dst_acc_id", 1).formParam("amount", "1.00").formParam("dst_type", "internal")),
            new Route("GET", "/credit-transfers/12/testimonial", r -> r));

    @Test
    void ownAccountGetsFunctionalityNotAllowed() {
        long id = kappa.openOk(AccountCalls.consumer());
        for (Route route : ROUTES) {
            route.body().apply(kappa.call()).request(route.method(), "/v1.0/accounts/" + id + route.suffix())
                    .then().statusCode(403)
                    .body("type_response", equalTo("sync"))
                    .body("body.error.code", equalTo(4030030))
                    .body("body.error.exception", equalTo("FunctionalityNotAllowedException"))
                    .body("body.error.message", startsWith("This service is not available"));
        }
    }

    @Test
    void accountChecksComeFirst() {
        long id = kappa.openOk(AccountCalls.consumer());
        for (Route route : ROUTES) {
            route.body().apply(lambda.call()).request(route.method(), "/v1.0/accounts/" + id + route.suffix())
                    .then().statusCode(403).body("body.error.code", equalTo(4030210));
            route.body().apply(kappa.call()).request(route.method(), "/v1.0/accounts/abc" + route.suffix())
                    .then().statusCode(400).body("body.error.code", equalTo(4000210));
        }
    }

    @Test
    void otherUnknownAccountRoutesStayInvalid() {
        long id = kappa.openOk(AccountCalls.consumer());
        kappa.call().contentType("application/x-www-form-urlencoded").formParam("x", "y")
                .post("/v1.0/accounts/" + id + "/link-cards")
                .then().statusCode(404).body("body.error.code", equalTo(4040010));
        kappa.get("/v1.0/accounts/" + id + "/kyc/extra").then().statusCode(404)
                .body("body.error.code", equalTo(4040010));
    }
}
