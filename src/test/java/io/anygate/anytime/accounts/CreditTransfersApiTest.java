package io.anygate.anytime.accounts;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.webhook.WebhookEnvelope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Outbound SEPA credit transfers end to end through HTTP against the simulator, as the PHP SDK calls them: the TX
 * account2fi, the sandbox rail's execution and cancellation (with the refund), the list, the IBAN statement, the
 * testimonial PDF, the credit_transfer_processed webhooks, and every refusal.
 */
@QuarkusTest
class CreditTransfersApiTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String BENEFICIARY_IBAN = "FR7630006000011234567890189";
    static final String CANCEL_IBAN = "DE89370400440532013000";

    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);
    final AccountCalls lambda = new AccountCalls(AccountCalls.LAMBDA);
    final AccountCalls omicron = new AccountCalls(AccountCalls.partner("omicron"));

    static Map<String, String> transfer(String iban, String amount) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("src_comment", "Rent March");
        f.put("dst_comment", "Rent 2026-03 flat 4B");
        f.put("dst_name", "Bob Durand");
        f.put("dst_iban", iban);
        f.put("dst_swift", "AGRIFRPP");
        f.put("amount", amount);
        return f;
    }

    Response send(AccountCalls who, long id, Map<String, String> form) {
        return who.call().contentType(FORM).formParams(form).post("/v1.0/accounts/" + id + "/credit-transfers");
    }

    long accountWithIban(AccountCalls who) {
        long id = who.openOk(AccountCalls.consumer());
        who.call().contentType(FORM).formParam("country_code", "FR").post("/v1.0/accounts/" + id + "/iban").then()
                .statusCode(200);
        return id;
    }

    String ibanOf(AccountCalls who, long id) {
        return who.get("/v1.0/accounts/" + id).then().statusCode(200).extract().path("body.iban.iban");
    }

    BigDecimal balance(AccountCalls who, long id) {
        return new BigDecimal(who.get("/v1.0/accounts/" + id + "/balance").then().statusCode(200)
                .extract().jsonPath().getString("body.balance"));
    }

    JsonPath listed(AccountCalls who, long id) {
        return who.get("/v1.0/accounts/" + id + "/credit-transfers").then().statusCode(200).extract().jsonPath();
    }

    String statusOf(AccountCalls who, long id, long ctid) {
        return listed(who, id).getString("body.credit-transfers.find { it.internal_id == " + ctid + " }.status");
    }

    void error(Response r, int http, int code, String exception, String messageStart) {
        r.then().statusCode(http).body("body.error.code", equalTo(code))
                .body("body.error.exception", equalTo(exception))
                .body("body.error.message", startsWith(messageStart));
    }

    @Test
    void aTransferLeavesThroughTxIsExecutedByTheRailAndShowsEverywhere() throws Exception {
        long id = accountWithIban(kappa);
        String iban = ibanOf(kappa, id);
        BigDecimal before = balance(kappa, id);

        JsonPath answer = send(kappa, id, transfer("fr76 3000 6000 0112 3456 7890 189", "25.5")).then()
                .statusCode(200)
                .body("body.sender_account_id", equalTo((int) id))
                .body("body.sender_account_type", equalTo("consumer"))
                .body("body.status", equalTo("In progress"))
                .body("body.transaction_type", equalTo("ct"))
                .body("body.beneficiary_name", equalTo("Bob Durand"))
                .body("body.beneficiary_iban", equalTo(BENEFICIARY_IBAN))
                .body("body.beneficiary_swift", equalTo("AGRIFRPP"))
                .body("body.beneficiary_swift_code", equalTo("AGRIFRPP"))
                .body("body.reason", equalTo("Rent 2026-03 flat 4B"))
                .body("body.source_reason", equalTo("Rent March"))
                .body("body.amount", equalTo(25.5f))
                .body("body.currency", equalTo("EUR"))
                .body("body.creation_date", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"))
                .body("body.request_date", matchesPattern("\\d{4}-\\d\\d-\\d\\d"))
                .body("body.execution_date", nullValue())
                .body("body.execution_reference", nullValue())
                .extract().jsonPath();
        long ctid = answer.getLong("body.internal_id");
        assertEquals(0, before.subtract(new BigDecimal("25.50")).compareTo(balance(kappa, id)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "Executed".equals(statusOf(kappa, id, ctid)));
        JsonPath list = listed(kappa, id);
        assertEquals(1, list.getInt("body.total_results"));
        assertEquals(id, list.getLong("body.acc_id"));
        Map<String, Object> line = list.getMap("body.credit-transfers[0]");
        assertEquals(ctid, ((Number) line.get("internal_id")).longValue());
        String reference = (String) line.get("execution_reference");
        assertTrue(reference.matches("\\d{12}"), reference);
        assertTrue(((String) line.get("execution_date")).matches("\\d{4}-\\d\\d-\\d\\d"));
        for (String field : List.of("sender_account_id", "sender_account_type", "creation_date", "request_date",
                "execution_date", "execution_reference", "transaction_type", "beneficiary_name", "beneficiary_iban",
                "beneficiary_swift", "beneficiary_swift_code", "reason", "source_reason", "status", "amount",
                "currency")) {
            assertTrue(line.containsKey(field), field);
        }
        // the balance did not move again
        assertEquals(0, before.subtract(new BigDecimal("25.50")).compareTo(balance(kappa, id)));

        kappa.get("/v1.0/accounts/" + id + "/iban-statements").then().statusCode(200)
                .body("body.total_results", equalTo(1))
                .body("body.transactions[0].iban.iban", equalTo(iban))
                .body("body.transactions[0].iban.comment", equalTo("Rent 2026-03 flat 4B"))
                .body("body.transactions[0].description", equalTo("SEPA transfer to Bob Durand"))
                .body("body.transactions[0].amount", equalTo(25.5f));

        Response pdf = kappa.get("/v1.0/accounts/" + id + "/credit-transfers/" + ctid + "/testimonial");
        pdf.then().statusCode(200).contentType("application/pdf");
        byte[] bytes = pdf.asByteArray();
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        String text;
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            text = new PDFTextStripper().getText(doc);
        }
        for (String expected : List.of("SEPA credit transfer testimonial", "Alice Martin", iban, "Bob Durand",
                BENEFICIARY_IBAN, "AGRIFRPP", "25.50 EUR", reference, "Rent 2026-03 flat 4B", "Executed",
                (String) line.get("request_date"), (String) line.get("execution_date"))) {
            assertTrue(text.contains(expected), "the testimonial names " + expected + ":\n" + text);
        }
    }

    @Test
    void aTransferToTheTestIbanIsCancelledAndItsMoneyComesBack() {
        long id = accountWithIban(kappa);
        BigDecimal before = balance(kappa, id);
        Map<String, String> form = transfer(CANCEL_IBAN, "40");
        form.put("dst_swift", "COBADEFFXXX");
        long ctid = send(kappa, id, form).then().statusCode(200).body("body.status", equalTo("In progress"))
                .extract().jsonPath().getLong("body.internal_id");
        assertEquals(0, before.subtract(new BigDecimal("40")).compareTo(balance(kappa, id)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "Cancelled".equals(statusOf(kappa, id, ctid)));
        assertEquals(0, before.compareTo(balance(kappa, id)));
        JsonPath list = listed(kappa, id);
        assertTrue(list.get("body.credit-transfers[0].execution_reference") == null);
        // the debit and the refund, both through the account's IBAN
        kappa.get("/v1.0/accounts/" + id + "/iban-statements").then().statusCode(200)
                .body("body.total_results", equalTo(2));
        error(kappa.get("/v1.0/accounts/" + id + "/credit-transfers/" + ctid + "/testimonial"), 404, 4040221,
                "AccountCreditTransferTestimonialNotFoundException", "ctid: the credit transfer is Cancelled");
    }

    @Test
    void everyParameterIsCheckedAndNamed() {
        long id = accountWithIban(kappa);
        String own = ibanOf(kappa, id);
        Map<String, Map<String, String>> bad = new LinkedHashMap<>();
        bad.put("src_comment", without("src_comment"));
        bad.put("dst_comment", with("dst_comment", "loyer \u00e9t\u00e9"));
        bad.put("dst_name", with("dst_name", "B".repeat(71)));
        bad.put("dst_iban", with("dst_iban", "FR7630006000011234567890188"));
        bad.put("dst_swift", with("dst_swift", "AGRI"));
        bad.put("amount", with("amount", "0"));
        for (var e : bad.entrySet()) {
            error(send(kappa, id, e.getValue()), 400, 4000210, "AccountInvalidParameterException",
                    e.getKey() + ":");
        }
        error(send(kappa, id, with("dst_swift", "AGRIZZPP")), 400, 4000210, "AccountInvalidParameterException",
                "dst_swift:");
        error(send(kappa, id, with("amount", "-3")), 400, 4000210, "AccountInvalidParameterException", "amount:");
        error(send(kappa, id, with("amount", "1.001")), 400, 4000210, "AccountInvalidParameterException",
                "amount:");
        error(send(kappa, id, with("amount", "1000000000")), 400, 4000210, "AccountInvalidParameterException",
                "amount: must be at most 999999999.99");
        error(send(kappa, id, with("dst_comment", "x".repeat(141))), 400, 4000210,
                "AccountInvalidParameterException", "dst_comment:");
        error(send(kappa, id, transfer(own, "1")), 400, 4000220, "AccountIdenticalSrcAndDstAccountIdException",
                "dst_iban:");
        error(send(kappa, id, transfer(BENEFICIARY_IBAN, "5000")), 402, 4020210,
                "AccountSrcNotEnoughCreditException", "amount:");
        long noIban = kappa.openOk(AccountCalls.consumer());
        error(send(kappa, noIban, transfer(BENEFICIARY_IBAN, "1")), 403, 4030221, "AccountIbanNotCreatedException",
                "The account has no IBAN");
        error(kappa.get("/v1.0/accounts/" + id + "/credit-transfers/999999999/testimonial"), 404, 4040220,
                "AccountCreditTransferNotFoundException", "ctid:");
        error(kappa.get("/v1.0/accounts/" + id + "/credit-transfers/abc/testimonial"), 400, 4000210,
                "AccountInvalidParameterException", "ctid:");
        error(kappa.get("/v1.0/accounts/" + id + "/credit-transfers?date_start=2026-02-01&date_end=2026-01-01"),
                400, 4000050, "DateStartGreaterThanDateEndFilterException", "date_start:");
        // nothing of it reached TX nor the list
        assertEquals(0, listed(kappa, id).getInt("body.total_results"));
    }

    @Test
    void theCreditTransferKycGateRefusesWithItsCode() {
        long id = omicron.openOk(AccountCalls.consumer());
        error(send(omicron, id, transfer(BENEFICIARY_IBAN, "1")), 451, 4510210,
                "AccountCreditTransferKycUploadRequiredException", "The account's KYC");
    }

    @Test
    void twoPartnersCannotSeeOrUseEachOthersTransfers() {
        long mine = accountWithIban(kappa);
        long ctid = send(kappa, mine, transfer(BENEFICIARY_IBAN, "3")).then().statusCode(200).extract().jsonPath()
                .getLong("body.internal_id");
        long theirs = accountWithIban(lambda);

        error(send(lambda, mine, transfer(BENEFICIARY_IBAN, "1")), 403, 4030210, "AccountIdNoRightsException", "");
        error(lambda.get("/v1.0/accounts/" + mine + "/credit-transfers"), 403, 4030210,
                "AccountIdNoRightsException", "");
        error(lambda.get("/v1.0/accounts/" + mine + "/credit-transfers/" + ctid + "/testimonial"), 403, 4030210,
                "AccountIdNoRightsException", "");
        // its own account does not reach the other's transfer either
        error(lambda.get("/v1.0/accounts/" + theirs + "/credit-transfers/" + ctid + "/testimonial"), 404, 4040220,
                "AccountCreditTransferNotFoundException", "ctid:");
        assertEquals(0, listed(lambda, theirs).getInt("body.total_results"));
        assertEquals(1, listed(kappa, mine).getInt("body.total_results"));
    }

    @Test
    void theListIsPaginatedNewestFirst() {
        long id = accountWithIban(kappa);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(send(kappa, id, transfer(BENEFICIARY_IBAN, "1." + i)).then().statusCode(200).extract()
                    .jsonPath().getLong("body.internal_id"));
        }
        kappa.get("/v1.0/accounts/" + id + "/credit-transfers", Map.of("limit_start", 1, "limit_number", 1)).then()
                .statusCode(200).body("body.total_results", equalTo(3))
                .body("body.credit-transfers", hasSize(1))
                .body("body.credit-transfers[0].internal_id", equalTo(ids.get(1).intValue()))
                .body("body.filters.limit_start", equalTo(1)).body("body.filters.limit_number", equalTo(1));
    }

    @Test
    void endedTransfersReachThePartnerAsCreditTransferProcessedBatches() {
        long id = accountWithIban(kappa);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(send(kappa, id, transfer(BENEFICIARY_IBAN, "2")).then().statusCode(200).extract().jsonPath()
                    .getLong("body.internal_id"));
        }
        Map<String, String> cancelled = transfer(CANCEL_IBAN, "2");
        ids.add(send(kappa, id, cancelled).then().statusCode(200).extract().jsonPath().getLong("body.internal_id"));

        await().atMost(Duration.ofSeconds(60)).until(() -> delivered(ids).keySet().containsAll(ids));
        Map<Long, Map<String, Object>> seen = delivered(ids);
        long executed = seen.values().stream().filter(t -> "Executed".equals(t.get("status"))).count();
        long cancelledCount = seen.values().stream().filter(t -> "Cancelled".equals(t.get("status"))).count();
        assertEquals(3, executed);
        assertEquals(1, cancelledCount);
        seen.values().forEach(t -> {
            assertEquals(id, ((Number) t.get("sender_account_id")).longValue());
            assertEquals("ct", t.get("transaction_type"));
        });
    }

    // The credit transfers of these ids found in kappa's sandbox inbox; every delivery checked on the way.
    private Map<Long, Map<String, Object>> delivered(Set<Long> ids) {
        JsonPath inbox = RestAssured.given().queryParam("partner", "kappa").queryParam("limit", 200)
                .get("/sandbox/webhooks/inbox").then().statusCode(200).extract().jsonPath();
        Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
        List<Map<String, Object>> rows = inbox.getList("$");
        for (int i = 0; i < rows.size(); i++) {
            if (!String.valueOf(rows.get(i).get("event_id")).startsWith("credit_transfer_processed:")) {
                continue;
            }
            String p = "[" + i + "].body";
            assertEquals("async", inbox.getString(p + ".type_response"));
            assertEquals("credit_transfer_processed", inbox.getString(p + ".event_name"));
            assertEquals(WebhookEnvelope.hash(inbox.getString(p + ".timestamp"), "kappa-user"),
                    inbox.getString(p + ".hash"));
            List<Map<String, Object>> transfers = inbox.getList(p + ".body.credit-transfers");
            assertTrue(!transfers.isEmpty() && transfers.size() <= 100, "1 to 100 per delivery");
            for (Map<String, Object> t : transfers) {
                long ct = ((Number) t.get("internal_id")).longValue();
                if (ids.contains(ct)) {
                    out.put(ct, t);
                }
            }
        }
        return out;
    }

    @Test
    void aSenderNameTheStandardFontCannotWriteIsWrittenWithQuestionMarks() {
        var font = new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);
        assertEquals("?ukasz Br\u00e9mond ?", TestimonialPdf.printable(font, "\u0141ukasz Br\u00e9mond \u6771"));
    }

    static Map<String, String> with(String name, String value) {
        Map<String, String> f = transfer(BENEFICIARY_IBAN, "1");
        f.put(name, value);
        return f;
    }

    static Map<String, String> without(String name) {
        Map<String, String> f = transfer(BENEFICIARY_IBAN, "1");
        f.remove(name);
        return f;
    }
}
