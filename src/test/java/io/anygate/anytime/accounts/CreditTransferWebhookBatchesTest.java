package io.anygate.anytime.accounts;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.operation.UnitOfWork;
import io.anygate.domain.transfer.CreditTransfer;
import io.anygate.domain.transfer.CreditTransferConfig;
import io.anygate.domain.transfer.CreditTransferExecution;
import io.anygate.domain.transfer.CreditTransferStatus;
import io.anygate.domain.transfer.CreditTransferStore;
import io.anygate.ops.CreditTransferJob;
import io.anygate.webhook.WebhookEnvelope;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code credit_transfer_processed} webhook batches: transfers that end in one pass reach the partner in one
 * delivery (the spec's async envelope with every one of them), more than 100 are split into deliveries of at most
 * 100, one partner's transfers never ride in another's delivery, and a batch too large for the outbox is split
 * rather than stuck. The credit transfer job is paused and the test drives the passes, so what ends together is
 * decided by the test, not by the scheduler's timing.
 */
@QuarkusTest
class CreditTransferWebhookBatchesTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);

    @Inject
    Scheduler scheduler;

    @Inject
    CreditTransferExecution execution;

    @Inject
    CreditTransferStore transfers;

    @Inject
    CreditTransferConfig config;

    @Inject
    UnitOfWork unit;

    @Inject
    Clock clock;

    @BeforeEach
    void holdTheJob() {
        scheduler.pause(CreditTransferJob.IDENTITY);
        // transfers earlier classes left ended are notified now, so that each pass below carries only this test's
        while (execution.notifyEnded() > 0) {
            // next batch
        }
    }

    @AfterEach
    void releaseTheJob() {
        scheduler.resume(CreditTransferJob.IDENTITY);
    }

    @Test
    void transfersEndingTogetherReachThePartnerInOneDelivery() {
        long id = kappa.openOk(AccountCalls.consumer());
        kappa.call().contentType(FORM).formParam("country_code", "FR").post("/v1.0/accounts/" + id + "/iban").then()
                .statusCode(200);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            ids.add(send(id, CreditTransfersApiTest.BENEFICIARY_IBAN, "AGRIFRPP", "1." + i));
        }
        long cancelled = send(id, CreditTransfersApiTest.CANCEL_IBAN, "COBADEFFXXX", "2");
        ids.add(cancelled);

        // one pass hands them all to the rail; the next one after the rail's delay ends them all
        execution.runOnce();
        for (long ct : ids) {
            assertEquals("To execute", statusOf(id, ct));
        }
        Instant submitted = clock.instant();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> clock.instant().isAfter(submitted.plus(config.sandboxDelay())));
        execution.runOnce();
        for (long ct : ids) {
            assertEquals(ct == cancelled ? "Cancelled" : "Executed", statusOf(id, ct));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveriesOf("kappa", ids).isEmpty());
        List<JsonPath> deliveries = deliveriesOf("kappa", ids);
        assertEquals(1, deliveries.size(), "one delivery for the transfers that ended together");
        JsonPath d = deliveries.get(0);
        assertEquals("async", d.getString("type_response"));
        assertEquals("credit_transfer_processed", d.getString("event_name"));
        assertTrue(d.getLong("request_id") > 0);
        assertEquals(WebhookEnvelope.hash(d.getString("timestamp"), "kappa-user"), d.getString("hash"));
        List<Map<String, Object>> lines = d.getList("body.credit-transfers");
        // all of them in that one delivery; a transfer an earlier class left waiting on the rail may end in the same
        // pass and ride along (it is another account's: its own delivery is not this test's subject)
        assertTrue(idsIn(lines).containsAll(ids), "every transfer of the pass in the delivery: " + idsIn(lines));
        for (Map<String, Object> t : lines) {
            long ct = ((Number) t.get("internal_id")).longValue();
            if (!ids.contains(ct)) {
                continue;
            }
            assertEquals(ct == cancelled ? "Cancelled" : "Executed", t.get("status"));
            assertEquals(id, ((Number) t.get("sender_account_id")).longValue());
            assertEquals("ct", t.get("transaction_type"));
        }
    }

    @Test
    void moreThanAHundredEndedTransfersAreSplitIntoDeliveriesOfAtMostAHundredPerPartner() {
        List<Long> mine = ended("kappa", 150, false);
        List<Long> theirs = ended("lambda", 3, false);

        while (execution.notifyEnded() > 0) {
            // a pass takes up to twice the step's batch
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(deliveriesOf("kappa", new HashSet<>(mine)))
                .size() == mine.size());
        List<JsonPath> kappas = deliveriesOf("kappa", new HashSet<>(mine));
        assertEquals(List.of(100, 50), kappas.stream().map(d -> d.getList("body.credit-transfers").size()).sorted(
                (a, b) -> b - a).toList(), "150 transfers in a delivery of 100 and one of 50");
        assertEquals(mine.size(), delivered(kappas).size(), "each transfer once");
        assertEquals(new HashSet<>(mine), new HashSet<>(delivered(kappas)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !deliveriesOf("lambda", new HashSet<>(theirs)).isEmpty());
        List<JsonPath> lambdas = deliveriesOf("lambda", new HashSet<>(theirs));
        assertEquals(1, lambdas.size());
        assertEquals(new HashSet<>(theirs), new HashSet<>(delivered(lambdas)), "only lambda's, in lambda's delivery");
    }

    @Test
    void aHundredTransfersTooLargeForOneOutboxPayloadAreSplitNotStuck() {
        // names, IBANs and comments at their longest: about 800 characters a line, 80 KB for a hundred
        List<Long> mine = ended("kappa", 100, true);

        while (execution.notifyEnded() > 0) {
            // next batch
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(deliveriesOf("kappa", new HashSet<>(mine)))
                .size() == mine.size());
        List<JsonPath> deliveries = deliveriesOf("kappa", new HashSet<>(mine));
        assertTrue(deliveries.size() >= 2, "split in several deliveries");
        assertEquals(new HashSet<>(mine), new HashSet<>(delivered(deliveries)));
        assertEquals(mine.size(), delivered(deliveries).size(), "each transfer once");
    }

    private long send(long id, String iban, String bic, String amount) {
        Map<String, String> form = CreditTransfersApiTest.transfer(iban, amount);
        form.put("dst_swift", bic);
        return kappa.call().contentType(FORM).formParams(form).post("/v1.0/accounts/" + id + "/credit-transfers")
                .then().statusCode(200).body("body.status", equalTo("In progress")).extract().jsonPath()
                .getLong("body.internal_id");
    }

    private String statusOf(long id, long ct) {
        return kappa.get("/v1.0/accounts/" + id + "/credit-transfers").then().statusCode(200).extract().jsonPath()
                .getString("body.credit-transfers.find { it.internal_id == " + ct + " }.status");
    }

    // n Executed transfers of the partner not yet notified, committed together (what a pass of the rail leaves).
    private List<Long> ended(String partner, int n, boolean longest) {
        String name = longest ? "A".repeat(70) : "Alice Martin";
        String reason = longest ? "R".repeat(140) : "Rent";
        return unit.inOne(() -> {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long ct = transfers.nextId();
                Instant now = clock.instant();
                transfers.add(new CreditTransfer(ct, "batch-test-" + ct, partner, 800_000 + ct, "consumer",
                        name, "MT84MALT011000012345MTLCAST001S", "AGRIFRPPXXX", name,
                        "MT84MALT011000012345MTLCAST001S", "COBADEFFXXX", reason, reason,
                        new BigDecimal("999999999.99"), "EUR", CreditTransferStatus.EXECUTED, 1, null,
                        "9" + String.format("%011d", ct), now, now, now));
                out.add(ct);
            }
            return out;
        });
    }

    // The partner's sandbox-inbox deliveries of credit_transfer_processed carrying any of these transfers.
    private static List<JsonPath> deliveriesOf(String partner, Set<Long> ids) {
        JsonPath inbox = RestAssured.given().queryParam("partner", partner).queryParam("limit", 200)
                .get("/sandbox/webhooks/inbox").then().statusCode(200).extract().jsonPath();
        List<JsonPath> out = new ArrayList<>();
        List<Map<String, Object>> rows = inbox.getList("$");
        for (int i = 0; i < rows.size(); i++) {
            if (!String.valueOf(rows.get(i).get("event_id")).startsWith("credit_transfer_processed:")) {
                continue;
            }
            JsonPath body = JsonPath.from(json(rows.get(i).get("body")));
            List<Map<String, Object>> lines = body.getList("body.credit-transfers");
            assertTrue(!lines.isEmpty() && lines.size() <= 100, "1 to 100 transfers per delivery");
            if (idsIn(lines).stream().anyMatch(ids::contains)) {
                out.add(body);
            }
        }
        return out;
    }

    private static String json(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> delivered(List<JsonPath> deliveries) {
        List<Long> out = new ArrayList<>();
        deliveries.forEach(d -> out.addAll(idsIn(d.getList("body.credit-transfers"))));
        return out;
    }

    private static Set<Long> idsIn(List<Map<String, Object>> lines) {
        Set<Long> out = new HashSet<>();
        lines.forEach(t -> out.add(((Number) t.get("internal_id")).longValue()));
        return out;
    }
}
