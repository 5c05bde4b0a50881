package io.anygate.anytime.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.testsupport.OwnDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operators' KYC review (/admin/kyc/documents, guarded by gateway.admin.token) with the sandbox's automatic
 * review pushed out of reach: documents stay pending until an operator decides, once.
 */
@QuarkusTest
@TestProfile(KycAdminReviewTest.Profile.class)
class KycAdminReviewTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.kyc.sandbox.review-delay", "PT876000H",
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("kyc-admin-review"));
        }
    }

    static final String ADMIN = "Bearer test-admin-token";
    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);

    @Test
    void operatorsAcceptOrRefuseEachDocumentOnce() {
        long id = kappa.openOk(AccountCalls.consumer());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("user_identity", KycFiles.JPEG);
        files.put("user_identity_back", KycFiles.PNG);
        files.put("user_dom_1", KycFiles.PDF);
        KycFiles.parts(kappa.call(), files).post("/v1.0/accounts/" + id + "/kyc").then().statusCode(200);

        given().get("/admin/kyc/documents").then().statusCode(401);
        List<Integer> docs = given().header("Authorization", ADMIN).get("/admin/kyc/documents").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.acc_id == " + id + " }.id");
        assertEquals(3, docs.size());
        kappa.get("/v1.0/accounts/" + id + "/kyc").then().statusCode(200).body("body.status", equalTo("pending"));

        byte[] content = given().header("Authorization", ADMIN).get("/admin/kyc/documents/" + docs.get(0) + "/content")
                .then().statusCode(200).contentType("image/jpeg").extract().asByteArray();
        assertArrayEquals(KycFiles.JPEG, content);

        given().header("Authorization", ADMIN).post("/admin/kyc/documents/" + docs.get(0) + "/accept").then()
                .statusCode(200).body("status", equalTo("accepted"));
        given().header("Authorization", ADMIN).post("/admin/kyc/documents/" + docs.get(1) + "/accept").then()
                .statusCode(200);
        given().header("Authorization", ADMIN).post("/admin/kyc/documents/" + docs.get(2) + "/refuse").then()
                .statusCode(200).body("status", equalTo("refused"));
        given().header("Authorization", ADMIN).post("/admin/kyc/documents/" + docs.get(2) + "/accept").then()
                .statusCode(409);
        given().header("Authorization", ADMIN).post("/admin/kyc/documents/999999/accept").then().statusCode(404);
        kappa.get("/v1.0/accounts/" + id + "/kyc").then().statusCode(200)
                .body("body.status", equalTo("refused"))
                .body("body.'missing-kyc-types'", equalTo(List.of("dom_1")));

        KycFiles.parts(kappa.call(), Map.of("user_dom_1", KycFiles.PDF)).post("/v1.0/accounts/" + id + "/kyc")
                .then().statusCode(200);
        List<Integer> again = given().header("Authorization", ADMIN).get("/admin/kyc/documents").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.acc_id == " + id + " }.id");
        assertEquals(1, again.size());
        given().header("Authorization", ADMIN).post("/admin/kyc/documents/" + again.get(0) + "/accept").then()
                .statusCode(200);
        kappa.get("/v1.0/accounts/" + id + "/kyc").then().statusCode(200).body("body.status", equalTo("accepted"))
                .body("body.'missing-kyc-types'", equalTo(List.of()));
    }
}
