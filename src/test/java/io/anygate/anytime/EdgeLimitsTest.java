package io.anygate.anytime;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refusals of every layer (HTTP codec limits, body size, form decoder, body readers) answer the Anytime envelope
 * with an Anytime code and a 4xx, log no stack trace, and HTTP metrics carry route templates only.
 */
@QuarkusTest
class EdgeLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";

    @TestHTTPResource("/")
    URL root;
    @Inject
    CardFixture fixture;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue() || record.getThrown() != null) {
                errors.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureErrors() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void release() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void tooManyFormFieldsOnTheTokenRouteIs4010020WithoutStackTrace() throws Exception {
        HttpResponse<String> r = send(post("/oauth/v2/token", FORM, manyFields(1001)));
        assertError(r, 401, 4010020);
        assertTrue(errors.isEmpty(), "no error logged: " + describe(errors));
    }

    @Test
    void tooManyFormFieldsOnASignedRouteIsTheRoutesInvalidParameter() throws Exception {
        String token = EdgeClient.token(TestPartner.ALPHA);
        HttpResponse<String> r = send(signed(post("/v1.0/cards/ANY0000000001/credit", FORM, manyFields(1001)),
                token));
        assertError(r, 400, 4000310);
        r = send(signed(post("/v1.0/accounts/1", FORM, manyFields(1001)).method("PUT",
                HttpRequest.BodyPublishers.ofString(manyFields(1001))), token));
        assertError(r, 400, 4000210);
        assertTrue(errors.isEmpty(), "no error logged: " + describe(errors));
    }

    @Test
    void aFormValueOverTheAttributeLimitIsAnInvalidParameter() throws Exception {
        String big = "amount=" + "1".repeat(5000);
        String token = EdgeClient.token(TestPartner.ALPHA);
        assertError(send(signed(post("/v1.0/cards/ANY0000000001/credit", FORM, big), token)), 400, 4000310);
        assertError(send(post("/oauth/v2/token", FORM, "grant_type=" + "x".repeat(5000))), 401, 4010020);
    }

    @Test
    void unreadableBodiesAreTheRoutesInvalidParameter() throws Exception {
        String token = EdgeClient.token(TestPartner.ALPHA);
        assertError(send(signed(post("/v1.0/cards/ANY0000000001/credit", "application/json", "{\"amount\":1}"),
                token)), 400, 4000310);
        assertError(send(signed(post("/v1.0/cards/ANY0000000001/credit", "text/plain", "amount=1"), token)), 400,
                4000310);
        assertError(send(signed(post("/v1.0/accounts", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x"), token)), 400, 4000210);
        assertError(send(post("/oauth/v2/token", "application/json", "{\"grant_type\":\"password\"}")), 401,
                4010020);
        assertTrue(errors.isEmpty(), "no error logged: " + describe(errors));
    }

    @Test
    void oversizedRequestsAnswerTheEnvelope() throws Exception {
        assertError(send(HttpRequest.newBuilder(uri("/v1.0/apicheck?x=" + "a".repeat(5000))).GET()), 414, 4140010);
        assertError(send(HttpRequest.newBuilder(uri("/oauth/v2/token?x=" + "a".repeat(5000))).GET()), 414, 4140010);
        assertError(send(HttpRequest.newBuilder(uri("/v1.0/apicheck")).header("X-Junk", "b".repeat(25_000)).GET()),
                431, 4310010);
        assertError(send(post("/v1.0/cards/ANY0000000001/credit", FORM, "amount=" + "1".repeat(1_100_000))), 413,
                4130010);
        assertError(send(post("/oauth/v2/token", FORM, "grant_type=" + "1".repeat(1_100_000))), 413, 4130010);
        // a chunked body (no Content-Length) over the limit
        byte[] big = ("amount=" + "1".repeat(1_100_000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> chunked = send(signed(HttpRequest.newBuilder(uri("/v1.0/cards/ANY0000000001/credit"))
                .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big))), EdgeClient.token(TestPartner.ALPHA)));
        assertTrue(chunked.statusCode() == 413 || chunked.statusCode() == 400, chunked.statusCode() + " " + chunked.body());
        assertError(chunked, chunked.statusCode(), chunked.statusCode() == 413 ? 4130010 : 4000310);
        // the documented limits themselves still pass to the route
        assertError(send(HttpRequest.newBuilder(uri("/v1.0/apicheck?x=" + "a".repeat(3000))).GET()), 401, 4010010);
    }

    @Test
    void everyRouteButTheKycUploadKeepsTheOneMegabyteBodyLimit() throws Exception {
        // the KYC upload takes several megabytes (gateway.kyc.max-request-size): no other route does
        String twoMegabytes = "amount=" + "1".repeat(2 * 1024 * 1024);
        for (String path : List.of("/v1.0/cards/ANY0000000001/credit", "/v1.0/accounts", "/v1.0/accounts/1/iban",
                "/oauth/v2/token")) {
            HttpResponse<String> r = send(post(path, FORM, twoMegabytes));
            assertError(r, 413, 4130010);
            assertEquals("Request body larger than 1048576 bytes",
                    JSON.readTree(r.body()).path("body").path("error").path("message").asText(), path);
            assertEquals("close", r.headers().firstValue("Connection").orElse(""), path);
        }
        // a 2 MB multipart body on a route that takes no files
        assertError(send(post("/v1.0/accounts/1/iban", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a.jpg\"\r\n\r\n"
                        + "x".repeat(2 * 1024 * 1024) + "\r\n--xyz--\r\n")), 413, 4130010);
        // a multipart body without Content-Length on a route that takes no files: refused before it is read
        byte[] multipart = ("--xyz\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a.jpg\"\r\n\r\n"
                + "x".repeat(2 * 1024 * 1024) + "\r\n--xyz--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertError(send(HttpRequest.newBuilder(uri("/v1.0/accounts/1/iban"))
                .header("Content-Type", "multipart/form-data; boundary=xyz").POST(HttpRequest.BodyPublishers
                        .ofInputStream(() -> new java.io.ByteArrayInputStream(multipart)))), 413, 4130010);
        // a form without Content-Length, in fields the form parser would each accept: cut by its field limit
        StringBuilder fields = new StringBuilder();
        for (int i = 0; fields.length() < 2 * 1024 * 1024; i++) {
            fields.append(i == 0 ? "" : "&").append("f").append(i).append('=').append("2".repeat(1500));
        }
        byte[] chunkedBody = fields.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> chunked = send(signed(HttpRequest.newBuilder(uri("/v1.0/cards/ANY0000000001/credit"))
                .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(chunkedBody))), EdgeClient.token(TestPartner.ALPHA)));
        assertTrue(chunked.statusCode() == 413 || chunked.statusCode() == 400, chunked.statusCode() + " " + chunked.body());
        assertError(chunked, chunked.statusCode(), chunked.statusCode() == 413 ? 4130010 : 4000310);
    }

    @Test
    void aRefusedBodyLeavesNoConnectionForTheCallersNextRequest() throws Exception {
        // one client, so that a connection kept after a refusal would carry the next request (a POST, not retried)
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = send(post("/v1.0/cards/ANY0000000001/credit", FORM,
                    "amount=" + "1".repeat(1_100_000)));
            assertError(r, 413, 4130010);
            assertEquals("close", r.headers().firstValue("Connection").orElse(""), "the caller is told to reconnect");
        }
    }

    @Test
    void httpMetricsAreLabelledWithRouteTemplatesOnly() throws Exception {
        OwnedCard card = fixture.card(TestPartner.ALPHA.partnerId(), "100", "5");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        for (int i = 0; i < 200; i++) {
            send(HttpRequest.newBuilder(uri("/junk-" + i + "/v1.0/x" + i)).GET());
            send(HttpRequest.newBuilder(uri("/v9.0/junk-" + i)).GET());
        }
        String token = EdgeClient.token(TestPartner.ALPHA);
        send(HttpRequest.newBuilder(uri("/v1.0/cards/" + ref + "/credit")).method("JUNKMETHOD",
                HttpRequest.BodyPublishers.noBody()));
        send(post("/v1.0/cards/" + ref + "/credit", FORM, manyFields(1001)));
        HttpResponse<String> r = send(signed(HttpRequest.newBuilder(uri("/v1.0/cards/" + ref + "/transactions"))
                .GET(), token));
        assertEquals(200, r.statusCode(), r.body());
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> uris = new ArrayList<>();
        Matcher m = Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"").matcher(metrics);
        while (m.find()) {
            uris.add(m.group(1));
        }
        assertTrue(uris.contains("/v1.0/cards/{card_ref}/transactions"), "template present: " + uris);
        assertTrue(uris.contains(EdgeLimits.UNMATCHED), "one label for unmatched requests: " + uris);
        assertFalse(uris.stream().anyMatch(u -> u.contains("junk") || u.contains(ref) || u.contains("v9.0")),
                "no raw path: " + uris);
        assertFalse(metrics.contains("JUNKMETHOD"), "no caller-chosen method label");
    }

    // ---- helpers ----

    static String manyFields(int n) {
        return IntStream.range(0, n).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + root.getPort() + path);
    }

    private HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder signed(HttpRequest.Builder request, String token) {
        String data = EdgeClient.freshValidationData();
        return request.header("Authorization", "Bearer " + token).header("X-Validation-Data", data)
                .header("X-Signed-Request", EdgeClient.sign(TestPartner.ALPHA.key(), data));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertError(HttpResponse<String> r, int status, int code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.path("request_id").isNumber(), r.body());
        assertTrue(body.path("timestamp").isNumber(), r.body());
        assertTrue(body.path("hash").isTextual(), r.body());
        assertEquals(code, body.path("body").path("error").path("code").asInt(), r.body());
        assertTrue(r.headers().firstValue("X-Gateway-Signature").isPresent(), "signed: " + r.headers());
    }

    private static String describe(List<LogRecord> records) {
        return records.stream().map(r -> r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " " + r.getThrown())).collect(Collectors.joining("\n"));
    }
}
