package io.anygate.anytime.accounts;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.testsupport.CardFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The KYC routes end to end through HTTP against the simulator, as the SDK's accountKyc and accountKycStatus call
 * them: a status per file, sniffed content types, size limits, the sandbox review (accepted after the delay, the
 * configured file name refused), the TX subject-documents, the KYC gates, and partner isolation.
 */
@QuarkusTest
class AccountKycApiTest {

    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);
    final AccountCalls lambda = new AccountCalls(AccountCalls.LAMBDA);
    final AccountCalls omicron = new AccountCalls(AccountCalls.partner("omicron"));

    @Inject
    CardFixture fixture;

    Response upload(AccountCalls who, long id, Map<String, byte[]> files) {
        return KycFiles.parts(who.call(), files).post("/v1.0/accounts/" + id + "/kyc");
    }

    JsonPath status(AccountCalls who, long id) {
        return who.get("/v1.0/accounts/" + id + "/kyc").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, byte[]> identityAndAddress() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("user_identity", KycFiles.JPEG);
        f.put("user_identity_back", KycFiles.PNG);
        f.put("user_dom_1", KycFiles.PDF);
        return f;
    }

    void awaitOverall(AccountCalls who, long id, String overall) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> overall.equals(status(who, id).getString("body.status")));
    }

    @Test
    void uploadAnswersAStatusPerFileAndKeepsTheAcceptedKinds() {
        long id = kappa.openOk(AccountCalls.business());
        Map<String, byte[]> files = identityAndAddress();
        files.put("corp_status", KycFiles.PDF);
        files.put("corp_kbis", KycFiles.PNG);
        files.put("user_selfie", KycFiles.GIF);
        files.put("user_passport", KycFiles.TEXT);
        JsonPath answer = upload(kappa, id, files).then().statusCode(200).extract().jsonPath();
        for (String kept : List.of("user_identity", "user_identity_back", "user_dom_1", "corp_status", "corp_kbis")) {
            assertEquals(0, answer.getInt("body.files_status." + kept + ".status"), kept);
            assertEquals("", answer.getString("body.files_status." + kept + ".error"), kept);
        }
        // the SDK reads user_dom_1's status under user_dom1
        assertEquals(0, answer.getInt("body.files_status.user_dom1.status"));
        for (String refused : List.of("user_selfie", "user_passport")) {
            assertEquals(1, answer.getInt("body.files_status." + refused + ".status"), refused);
            assertTrue(answer.getString("body.files_status." + refused + ".error").startsWith(refused + ": "), refused);
        }
        JsonPath s = status(kappa, id);
        assertEquals(List.of("identity", "identity_back", "dom_1", "status", "kbis"),
                s.getList("body.'uploaded-kyc-status'.pending.type").isEmpty()
                        ? s.getList("body.'uploaded-kyc-status'.accepted.type")
                        : s.getList("body.'uploaded-kyc-status'.pending.type"));
        awaitOverall(kappa, id, "accepted");
        s = status(kappa, id);
        assertEquals(List.of(), s.getList("body.'missing-kyc-types'"));
        assertEquals(5, s.getList("body.'uploaded-kyc-status'.accepted").size());
        assertEquals(List.of(), s.getList("body.'uploaded-kyc-status'.refused"));
        assertTrue(s.getString("body.'uploaded-kyc-status'.accepted[0].uploaded_at")
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
    }

    @Test
    void anAccountWithNothingUploadedIsPendingWithEveryRequiredTypeMissing() {
        long consumer = kappa.openOk(AccountCalls.consumer());
        kappa.get("/v1.0/accounts/" + consumer + "/kyc").then().statusCode(200)
                .body("body.status", equalTo("pending"))
                .body("body.'missing-kyc-types'", equalTo(List.of("identity", "identity_back", "dom_1")))
                .body("body.'uploaded-kyc-status'.pending", empty());
        long business = kappa.openOk(AccountCalls.business());
        kappa.get("/v1.0/accounts/" + business + "/kyc").then().statusCode(200)
                .body("body.'missing-kyc-types'", equalTo(List.of("identity", "identity_back", "dom_1", "status",
                        "kbis")));
    }

    @Test
    void aPassportStandsForTheIdentityCard() {
        long id = kappa.openOk(AccountCalls.consumer());
        upload(kappa, id, Map.of("user_passport", KycFiles.PDF, "user_dom_1", KycFiles.JPEG)).then().statusCode(200);
        awaitOverall(kappa, id, "accepted");
        assertEquals(List.of(), status(kappa, id).getList("body.'missing-kyc-types'"));
    }

    @Test
    void theSandboxRefusesTheConfiguredFileNameAndARefusedTypeIsMissingAgain() {
        long id = kappa.openOk(AccountCalls.consumer());
        Response r = kappa.call().multiPart("user_identity", "user_affidavit.jpg", KycFiles.JPEG, "image/jpeg")
                .multiPart("user_identity_back", "user_identity_back.jpg", KycFiles.JPEG, "image/jpeg")
                .multiPart("user_dom_1", "user_dom_1.jpg", KycFiles.PDF, "image/jpeg")
                .post("/v1.0/accounts/" + id + "/kyc");
        r.then().statusCode(200).body("body.files_status.user_identity.status", equalTo(0));
        awaitOverall(kappa, id, "refused");
        JsonPath s = status(kappa, id);
        assertEquals(List.of("identity"), s.getList("body.'uploaded-kyc-status'.refused.type"));
        assertEquals(List.of("identity"), s.getList("body.'missing-kyc-types'"));
        // a new upload of the refused type replaces it
        upload(kappa, id, Map.of("user_identity", KycFiles.PNG)).then().statusCode(200);
        awaitOverall(kappa, id, "accepted");
    }

    @Test
    void sizeLimitsPerFileAndPerRequest() throws Exception {
        long id = kappa.openOk(AccountCalls.consumer());
        byte[] big = KycFiles.file(KycFiles.JPEG, 4_194_305); // gateway.kyc.max-file-size is 4194304 in tests
        byte[] empty = new byte[0];
        JsonPath answer = upload(kappa, id, Map.of("user_identity", big, "user_dom_1", KycFiles.PDF,
                "user_selfie", empty)).then().statusCode(200).extract().jsonPath();
        assertEquals(2, answer.getInt("body.files_status.user_identity.status"));
        assertTrue(answer.getString("body.files_status.user_identity.error").contains("4194304"));
        assertEquals(2, answer.getInt("body.files_status.user_selfie.status"));
        assertEquals(0, answer.getInt("body.files_status.user_dom_1.status"));
        // the whole request over gateway.kyc.max-request-size (6291456 in tests), declared as the SDK's curl does:
        // the envelope's 413 before the body is read, and the caller told to reconnect
        java.net.http.HttpResponse<String> r = rawUpload(id, twoLargePhotos(), true);
        assertEquals(413, r.statusCode(), r.body());
        assertEquals("close", r.headers().firstValue("Connection").orElse(""));
        JsonPath refused = JsonPath.from(r.body());
        assertEquals(4130010, refused.getInt("body.error.code"));
        assertEquals("RequestEntityTooLargeException", refused.getString("body.error.exception"));
        assertEquals("Request body larger than 6291456 bytes", refused.getString("body.error.message"));
    }

    static final String BOUNDARY = "kyc-test-boundary";

    // user_identity and user_identity_back, 3.2 MB each: each under the per-file limit, together over the request's
    static byte[] twoLargePhotos() throws java.io.IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String f : List.of("user_identity", "user_identity_back")) {
            body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f + "\"; filename=\"" + f
                    + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.write(KycFiles.file(KycFiles.JPEG, 3_200_000));
            body.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    // A signed multipart upload sent with Content-Length (declared) or chunked, without it.
    java.net.http.HttpResponse<String> rawUpload(long id, byte[] bytes, boolean declared) throws Exception {
        String data = io.anygate.testsupport.EdgeClient.freshValidationData();
        java.net.http.HttpRequest rq = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + io.restassured.RestAssured.port + "/v1.0/accounts/" + id + "/kyc"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Authorization", "Bearer " + kappa.token())
                .header("X-Validation-Data", data)
                .header("X-Signed-Request", io.anygate.testsupport.EdgeClient.sign(AccountCalls.KAPPA.key(), data))
                .POST(declared ? java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)
                        // an input stream of unknown length: sent chunked
                        : java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(bytes)))
                .build();
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(rq, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPhonePhotoOfThreeMegabytesIsAccepted() {
        // far over the 1 MB every other route takes: the KYC upload has a limit of its own
        long id = kappa.openOk(AccountCalls.consumer());
        byte[] photo = KycFiles.file(KycFiles.JPEG, 3 * 1024 * 1024);
        JsonPath answer = upload(kappa, id, Map.of("user_identity", photo)).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(0, answer.getInt("body.files_status.user_identity.status"));
        assertEquals("", answer.getString("body.files_status.user_identity.error"));
        assertFalse(status(kappa, id).getList("body.'missing-kyc-types'").contains("identity"), "kept");
    }

    @Test
    void anUploadWithoutContentLengthIsHeldToTheKycLimitByItsFiles() throws Exception {
        long id = kappa.openOk(AccountCalls.consumer());
        java.net.http.HttpResponse<String> r = rawUpload(id, twoLargePhotos(), false);
        assertEquals(413, r.statusCode(), r.body());
        JsonPath answer = JsonPath.from(r.body());
        assertEquals(4130010, answer.getInt("body.error.code"));
        assertEquals("Request body larger than 6291456 bytes", answer.getString("body.error.message"));
        kappa.get("/v1.0/accounts/" + id + "/kyc").then().statusCode(200)
                .body("body.'uploaded-kyc-status'.pending", empty());
    }

    @Test
    void badUploadsNameTheParameter() {
        long id = kappa.openOk(AccountCalls.consumer());
        kappa.call().multiPart("user_photo", "user_photo.jpg", KycFiles.JPEG, "image/jpeg")
                .post("/v1.0/accounts/" + id + "/kyc").then().statusCode(400).body("body.error.code", equalTo(4000210))
                .body("body.error.message", equalTo("user_photo: not a KYC file field"));
        kappa.call().multiPart("user_identity", "not a file")
                .post("/v1.0/accounts/" + id + "/kyc").then().statusCode(400).body("body.error.code", equalTo(4000210))
                .body("body.error.message", org.hamcrest.Matchers.startsWith("user_identity: "));
        kappa.call().multiPart("nothing", "x").post("/v1.0/accounts/" + id + "/kyc").then().statusCode(400)
                .body("body.error.code", equalTo(4000210));
        kappa.call().multiPart("user_identity", "user_identity.jpg", KycFiles.JPEG, "image/jpeg")
                .post("/v1.0/accounts/abc/kyc").then().statusCode(400).body("body.error.code", equalTo(4000210));
    }

    @Test
    void anotherPartnersAccountIs4030210AndItsDocumentsStayUnseen() {
        long id = kappa.openOk(AccountCalls.consumer());
        upload(kappa, id, identityAndAddress()).then().statusCode(200);
        upload(lambda, id, identityAndAddress()).then().statusCode(403).body("body.error.code", equalTo(4030210));
        lambda.get("/v1.0/accounts/" + id + "/kyc").then().statusCode(403).body("body.error.code", equalTo(4030210));
        long own = lambda.openOk(AccountCalls.consumer());
        lambda.get("/v1.0/accounts/" + own + "/kyc").then().statusCode(200)
                .body("body.'uploaded-kyc-status'.pending", empty())
                .body("body.'uploaded-kyc-status'.accepted", empty());
    }

    @Test
    void eachKeptDocumentIsASubjectDocumentOfTheHolderInTx() {
        long id = kappa.openOk(AccountCalls.consumer());
        upload(kappa, id, identityAndAddress()).then().statusCode(200);
        long holder = CardFixture.sim().queryParam("ref[id]", id).get("/tx/v1/contract").then().statusCode(200)
                .extract().jsonPath().getLong("client.id");
        awaitOverall(kappa, id, "accepted");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> CardFixture.sim()
                .queryParam("filter[subjectId]", holder).get("/tx/v1/subject-documents").then().statusCode(200)
                .extract().jsonPath().getList("objects.findAll { it.isActive }").size() == 3);
        JsonPath docs = CardFixture.sim().queryParam("filter[subjectId]", holder).get("/tx/v1/subject-documents")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("AGW-KYC-IDENTITY", "AGW-KYC-IDENTITY_BACK", "AGW-KYC-DOM_1"),
                docs.getList("objects.type.rid"));
        assertTrue(docs.getList("objects.userAttrs.flatten().rid").contains("AGW-KYC-SHA256"));
        assertTrue(docs.getList("objects.userAttrs.flatten().val").contains("ACCEPTED"));
    }

    @Test
    void gatesRefuseCardOrderLoadAndIbanUntilTheKycIsAccepted() {
        long id = omicron.openOk(AccountCalls.business());
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("acc_id", id);
        order.put("card_name", "ACME PAY");
        order.put("card_type", "VIRTUAL_MULTI_USE");
        order.put("expiry_date", java.time.LocalDate.now().plusYears(1).toString());
        order.put("amount", "5");
        omicron.call().contentType("application/x-www-form-urlencoded").formParams(order).post("/v1.0/cards")
                .then().statusCode(451).body("body.error.code", equalTo(4510320));
        omicron.call().contentType("application/x-www-form-urlencoded").formParam("country_code", "FR")
                .post("/v1.0/accounts/" + id + "/iban").then().statusCode(403).body("body.error.code", equalTo(4030220));
        OwnedCard card = fixture.card("omicron", "100", "5");
        omicron.call().contentType("application/x-www-form-urlencoded").formParam("amount", "1")
                .post("/v1.0/cards/" + CardRef.ofTxCard(card.cardId()).value() + "/credit").then().statusCode(451)
                .body("body.error.code", equalTo(4510330));

        Map<String, byte[]> files = identityAndAddress();
        files.put("corp_status", KycFiles.PDF);
        files.put("corp_kbis", KycFiles.PDF);
        upload(omicron, id, files).then().statusCode(200);
        awaitOverall(omicron, id, "accepted");
        omicron.call().contentType("application/x-www-form-urlencoded").formParams(order).post("/v1.0/cards")
                .then().statusCode(200);
        omicron.call().contentType("application/x-www-form-urlencoded").formParam("country_code", "FR")
                .post("/v1.0/accounts/" + id + "/iban").then().statusCode(200);
        // the fixture's card has an account of its own with no KYC: still gated
        omicron.call().contentType("application/x-www-form-urlencoded").formParam("amount", "1")
                .post("/v1.0/cards/" + CardRef.ofTxCard(card.cardId()).value() + "/credit").then().statusCode(451);
    }

    @Test
    void gatesAreOffForAPartnerWithoutThem() {
        long id = kappa.openOk(AccountCalls.business());
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("acc_id", id);
        order.put("card_name", "ACME PAY");
        order.put("card_type", "VIRTUAL_MULTI_USE");
        order.put("expiry_date", java.time.LocalDate.now().plusYears(1).toString());
        order.put("amount", "5");
        String ref = kappa.call().contentType("application/x-www-form-urlencoded").formParams(order)
                .post("/v1.0/cards").then().statusCode(200).extract().path("body.card_ref");
        kappa.call().contentType("application/x-www-form-urlencoded").formParam("amount", "1")
                .formParam("acc_comment", "kyc").formParam("card_comment", "kyc")
                .post("/v1.0/cards/" + ref + "/credit").then().statusCode(200);
        kappa.call().contentType("application/x-www-form-urlencoded").formParam("country_code", "FR")
                .post("/v1.0/accounts/" + id + "/iban").then().statusCode(200);
    }

    @Test
    void aFileIsNeverLogged() {
        String marker = "KYC-SECRET-MARKER-" + System.nanoTime();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(h);
        try {
            long id = kappa.openOk(AccountCalls.consumer());
            byte[] jpeg = KycFiles.file(KycFiles.JPEG, 10);
            byte[] withMarker = java.util.Arrays.copyOf(jpeg, jpeg.length + marker.length());
            System.arraycopy(marker.getBytes(), 0, withMarker, jpeg.length, marker.length());
            byte[] text = marker.getBytes();
            upload(kappa, id, Map.of("user_identity", withMarker, "user_selfie", text)).then().statusCode(200);
            status(kappa, id);
        } finally {
            root.removeHandler(h);
        }
        assertFalse(lines.stream().anyMatch(l -> l.contains(marker)), "a file's content reached the log");
    }
}
