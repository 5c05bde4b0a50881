package io.anygate.anytime;

import static io.anygate.testsupport.EdgeClient.apicheck;
import static io.anygate.testsupport.EdgeClient.assertEnvelope;
import static io.anygate.testsupport.EdgeClient.freshValidationData;
import static io.anygate.testsupport.EdgeClient.sign;
import static io.anygate.testsupport.EdgeClient.signed;
import static io.anygate.testsupport.EdgeClient.signedWith;
import static io.anygate.testsupport.EdgeClient.token;
import static io.anygate.testsupport.EdgeClient.tokenResponse;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.security.AccessTokens;
import io.anygate.store.Store;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The Anytime edge end to end: token, signed versioned calls, envelope, and every authentication error code. */
@QuarkusTest
class EdgeAuthenticationTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;

    @Inject
    Store store;
    @Inject
    AccessTokens tokens;

    @Test
    void tokenThenApicheckLikeTheSdk() {
        Response tokenAnswer = tokenResponse(ALPHA, signed(ALPHA));
        tokenAnswer.then().statusCode(200)
                .body("body.expires_in", equalTo(3600))
                .body("body.token_type", equalTo("bearer"))
                .body("body.refresh_token", not(equalTo(null)));
        assertEnvelope(tokenAnswer, ALPHA.username());
        String token = tokenAnswer.jsonPath().getString("body.access_token");

        Response check = apicheck(ALPHA, token);
        check.then().statusCode(200);
        // Paris time, as the SDK reads it (and every other date-time the gateway answers).
        java.time.LocalDateTime told = java.time.LocalDateTime.parse(check.jsonPath().getString("body.date_time"),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        java.time.LocalDateTime paris = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Paris"));
        assertTrue(java.time.Duration.between(told, paris).abs().getSeconds() < 60,
                "apicheck's date_time " + told + " is Paris time (" + paris + ")");
        assertEnvelope(check, ALPHA.username());
        String key = given().get("/.well-known/gateway-signing-key").then().statusCode(200)
                .body(containsString("BEGIN PUBLIC KEY")).extract().asString();
        assertTrue(EdgeClient.gatewaySignatureValid(check, key), "X-Gateway-Signature verifies with the well-known key");

        signed(ALPHA).header("Authorization", "Bearer " + token).formParam("test_param", "hello")
                .post("/v1.0/apicheck").then().statusCode(200).body("body.test_param", equalTo("hello"));
    }

    @Test
    void keyInRsaPublicKeyFormWorksAndFunctionalityListIsEnforced() {
        String token = token(TestPartner.BETA);
        Response r = apicheck(TestPartner.BETA, token);
        r.then().statusCode(403).body("body.error.code", equalTo(4030030))
                .body("body.error.exception", equalTo("FunctionalityNotAllowedException"));
        assertEnvelope(r, TestPartner.BETA.username());
    }

    @Test
    void forgedSignatureIsRefused() {
        String token = token(ALPHA);
        String data = freshValidationData();
        String signature = sign(ALPHA.key(), data + "x");
        Response r = given().header("Authorization", "Bearer " + token).header("X-Validation-Data", data)
                .header("X-Signed-Request", signature).get("/v1.0/apicheck");
        r.then().statusCode(401).body("body.error.code", equalTo(4010070))
                .body("body.error.exception", equalTo("BadRsaSignatureException"));
    }

    @Test
    void anotherPartnersKeyIsRefused() {
        String token = token(ALPHA);
        apicheck(ALPHA.withKey("beta-private.pem"), token).then().statusCode(401).body("body.error.code", equalTo(4010070));
        tokenResponse(ALPHA, signed(TestPartner.BETA)).then().statusCode(401).body("body.error.code", equalTo(4010070));
    }

    @Test
    void replayedValidationDataIsRefused() {
        String token = token(ALPHA);
        String data = freshValidationData();
        signedWith(ALPHA.key(), data).header("Authorization", "Bearer " + token).get("/v1.0/apicheck")
                .then().statusCode(200);
        Response again = signedWith(ALPHA.key(), data).header("Authorization", "Bearer " + token).get("/v1.0/apicheck");
        again.then().statusCode(401).body("body.error.code", equalTo(4010080))
                .body("body.error.exception", equalTo("ValidationDataAlreadyUsedException"));
        // also with a later token: the signature covers neither token nor request
        String later = token(ALPHA);
        signedWith(ALPHA.key(), data).header("Authorization", "Bearer " + later).get("/v1.0/apicheck")
                .then().statusCode(401).body("body.error.code", equalTo(4010080));
    }

    @Test
    void validationDataOfAFailedActionStaysUsed() {
        String token = token(ALPHA);
        String data = freshValidationData();
        signedWith(ALPHA.key(), data).header("Authorization", "Bearer " + token).post("/v1.0/test-failing-action")
                .then().statusCode(500).body("body.error.code", equalTo(5000010))
                .body(not(containsString("boom"))).body(not(containsString("IllegalStateException")));
        signedWith(ALPHA.key(), data).header("Authorization", "Bearer " + token).post("/v1.0/test-failing-action")
                .then().statusCode(401).body("body.error.code", equalTo(4010080));
    }

    @Test
    void tokenValidationDataIsSingleUseToo() {
        String data = freshValidationData();
        tokenResponse(ALPHA, signedWith(ALPHA.key(), data)).then().statusCode(200);
        tokenResponse(ALPHA, signedWith(ALPHA.key(), data)).then().statusCode(401).body("body.error.code", equalTo(4010080));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        String token = token(ALPHA);
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE oauth_token SET expires_at = ? WHERE partner_id = ?")) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1));
            ps.setString(2, ALPHA.partnerId());
            assertEquals(1, ps.executeUpdate());
        }
        apicheck(ALPHA, token).then().statusCode(401).body("body.error.code", equalTo(4010050))
                .body("body.error.exception", equalTo("OAuth2InvalidTokenException"));
    }

    @Test
    void supersededTokenIsRefusedAtOnce() {
        String first = token(ALPHA);
        String second = token(ALPHA);
        apicheck(ALPHA, first).then().statusCode(401).body("body.error.code", equalTo(4010050));
        apicheck(ALPHA, second).then().statusCode(200);
    }

    @Test
    void aTokenSeenHereIsRefusedAtOnceWhenAnotherReplicaSupersedesIt() throws Exception {
        String token = seenHereThenSupersededElsewhere(ALPHA);
        String data = freshValidationData();
        signedWith(ALPHA.key(), data).header("Authorization", "Bearer " + token).get("/v1.0/apicheck")
                .then().statusCode(401).body("body.error.code", equalTo(4010050))
                .body("body.error.message", equalTo("The access token provided is invalid."));
        // nothing was claimed for the refused request: its validation data pass with the current token
        signedWith(ALPHA.key(), data).header("Authorization", "Bearer " + token(ALPHA)).get("/v1.0/apicheck")
                .then().statusCode(200);
    }

    @Test
    void aSupersededTokenSeenHereIsRefusedAsSuchBeforeItsSignatureIsJudged() throws Exception {
        String token = seenHereThenSupersededElsewhere(ALPHA);
        String data = freshValidationData();
        given().header("Authorization", "Bearer " + token).header("X-Validation-Data", data)
                .header("X-Signed-Request", sign(ALPHA.key(), data + "x")).get("/v1.0/apicheck")
                .then().statusCode(401).body("body.error.code", equalTo(4010050));
    }

    /**
     * A token this replica has used, then superseded by another replica: only the shared row changes (a new token
     * hash for the partner), and this replica is not told.
     */
    private String seenHereThenSupersededElsewhere(TestPartner partner) throws Exception {
        String token = token(partner);
        apicheck(partner, token).then().statusCode(200);
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE oauth_token SET token_hash = ? WHERE partner_id = ?")) {
            ps.setString(1, java.util.UUID.randomUUID().toString());
            ps.setString(2, partner.partnerId());
            assertEquals(1, ps.executeUpdate());
        }
        return token;
    }

    @Test
    void unknownTokenIsRefused() {
        apicheck(ALPHA, "not-a-token").then().statusCode(401).body("body.error.code", equalTo(4010050));
    }

    @Test
    void ipOutsideTheAllowlistIsRefused() {
        // gamma only allows 10.0.0.0/8 and 2001:db8::/32; the test client is loopback
        tokenResponse(TestPartner.GAMMA, signed(TestPartner.GAMMA)).then().statusCode(401)
                .body("body.error.code", equalTo(4010060)).body("body.error.exception", equalTo("IpAddressNotAllowedException"));
        String token = tokens.issue(TestPartner.GAMMA.partnerId()).accessToken();
        apicheck(TestPartner.GAMMA, token).then().statusCode(401).body("body.error.code", equalTo(4010060));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        String token = tokens.issue(TestPartner.GAMMA.partnerId()).accessToken();
        signed(TestPartner.GAMMA).header("Authorization", "Bearer " + token).header("X-Forwarded-For", "10.1.2.3")
                .get("/v1.0/apicheck").then().statusCode(401).body("body.error.code", equalTo(4010060));
    }

    @Test
    void missingAuthenticationIsAccessDeniedWithAWellFormedEnvelope() {
        Response r = given().get("/v1.0/apicheck");
        r.then().statusCode(401).body("body.error.code", equalTo(4010010))
                .body("body.error.message", equalTo("Access denied. You have to provide valid authentication information."));
        assertEnvelope(r, "");
        String token = token(ALPHA);
        given().header("Authorization", "Bearer " + token).get("/v1.0/apicheck")
                .then().statusCode(401).body("body.error.code", equalTo(4010010));
        given().header("Authorization", "").header("X-Validation-Data", "a").header("X-Signed-Request", "b")
                .get("/v1.0/apicheck").then().statusCode(401).body("body.error.code", equalTo(4010010));
    }

    @Test
    void emptyOversizedOrNonBase64SignatureHeadersAreBadSignatures() {
        String token = token(ALPHA);
        String big = "x".repeat(1025);
        given().header("Authorization", "Bearer " + token).header("X-Validation-Data", "")
                .header("X-Signed-Request", "").get("/v1.0/apicheck").then().statusCode(401).body("body.error.code", equalTo(4010070));
        given().header("Authorization", "Bearer " + token).header("X-Validation-Data", big)
                .header("X-Signed-Request", sign(ALPHA.key(), big)).get("/v1.0/apicheck")
                .then().statusCode(401).body("body.error.code", equalTo(4010070));
        given().header("Authorization", "Bearer " + token).header("X-Validation-Data", "abc")
                .header("X-Signed-Request", "%%% not base64 ***").get("/v1.0/apicheck")
                .then().statusCode(401).body("body.error.code", equalTo(4010070));
        given().header("Authorization", "Bearer " + token).header("X-Validation-Data", "abc")
                .header("X-Signed-Request", "A".repeat(5000)).get("/v1.0/apicheck")
                .then().statusCode(401).body("body.error.code", equalTo(4010070));
        tokenResponse(ALPHA, given()).then().statusCode(401).body("body.error.code", equalTo(4010070));
    }

    @Test
    void tokenErrorsFollowTheDocumentedCodes() {
        signed(ALPHA).contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                .formParam("client_id", ALPHA.clientId()).formParam("client_secret", ALPHA.clientSecret())
                .formParam("username", ALPHA.username()).formParam("password", ALPHA.password())
                .post("/oauth/v2/token").then().statusCode(401).body("body.error.code", equalTo(4010020))
                .body("body.error.exception", equalTo("OAuth2InvalidRequestException"));
        signed(ALPHA).contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .post("/oauth/v2/token").then().statusCode(401).body("body.error.code", equalTo(4010020));
        TestPartner unknown = new TestPartner("x", "nobody", "s", "u", "p", ALPHA.key());
        tokenResponse(unknown, signed(unknown)).then().statusCode(401).body("body.error.code", equalTo(4010030))
                .body("body.error.exception", equalTo("OAuth2InvalidClientException"));
        TestPartner wrongPassword = new TestPartner("alpha", ALPHA.clientId(), ALPHA.clientSecret(), ALPHA.username(),
                "wrong", ALPHA.key());
        tokenResponse(wrongPassword, signed(wrongPassword)).then().statusCode(401).body("body.error.code", equalTo(4010040))
                .body("body.error.exception", equalTo("OAuth2InvalidGrantException"));
        token(ALPHA);
    }

    @Test
    void versionRouteAndMethodErrors() {
        given().get("/v1/apicheck").then().statusCode(400).body("body.error.code", equalTo(4000010));
        given().get("/v1.0.1/apicheck").then().statusCode(400).body("body.error.code", equalTo(4000010));
        given().get("/v2.0/apicheck").then().statusCode(400).body("body.error.code", equalTo(4000011))
                .body("body.error.exception", equalTo("VersionNotSupportedException"));
        Response unknown = given().get("/v1.0/no-such-thing");
        unknown.then().statusCode(404).body("body.error.code", equalTo(4040010))
                .body("body.error.exception", equalTo("InvalidRouteException"));
        assertEnvelope(unknown, "");
        given().get("/nothing-here").then().statusCode(404).body("body.error.code", equalTo(4040010));
        given().delete("/v1.0/apicheck").then().statusCode(405).body("body.error.code", equalTo(4050010))
                .body("body.error.exception", equalTo("MethodNotAllowedException"));
        given().get("/oauth/v2/token").then().statusCode(405).body("body.error.code", equalTo(4050010));
        // operations routes are not swallowed by the catch-all (liveness: does not depend on TX being quick)
        given().get("/q/health/live").then().statusCode(200);
    }
}
