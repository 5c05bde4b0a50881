package io.anygate.anytime.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.anygate.domain.money.TransferOutcome;
import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.Reconciler;
import io.anygate.domain.transfer.CreditTransfers;
import io.anygate.domain.transfer.OutboundPayments;
import io.anygate.testsupport.SimulatorHttp;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A credit transfer journaled by a replica that died before its TX write, or after TX applied it but before the
 * answer was recorded: the reconciler settles it under its matchKey, and TX holds exactly one account2fi however
 * often it runs; the transfer then appears once in the list.
 */
@QuarkusTest
class CreditTransferRecoveryTest {

    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);

    @Inject
    OperationJournal journal;

    @Inject
    Reconciler reconciler;

    @Inject
    OutboundPayments payments;

    @Inject
    Clock clock;

    final SimulatorHttp sim = new SimulatorHttp(ConfigProvider.getConfig().getValue("gateway.tx.url", String.class));

    @Test
    void aTransferJournaledBeforeACrashIsSentOnceByTheReconciler() throws Exception {
        long id = account();
        Operation op = journaled(id, "12.00");

        for (int pass = 0; pass < 3; pass++) {
            reconciler.runOnce("ct-recovery-test", Duration.ZERO, Duration.ofMinutes(1), 500);
        }

        settledOnce(id, op, "12.00");
    }

    @Test
    void aTransferTxAppliedBeforeACrashIsNotSentAgain() throws Exception {
        long id = account();
        Operation op = journaled(id, "7.25");
        // the replica sent it, TX applied it, the replica died before recording the answer
        TransferOutcome sent = payments.debit(id, new BigDecimal("7.25"), "EUR",
                op.matchKey(CreditTransfers.DEBIT_STEP), Map.of());
        assertEquals(TransferOutcome.Approved.class, sent.getClass());

        for (int pass = 0; pass < 3; pass++) {
            reconciler.runOnce("ct-recovery-test", Duration.ZERO, Duration.ofMinutes(1), 500);
        }

        settledOnce(id, op, "7.25");
        assertEquals(((TransferOutcome.Approved) sent).tranId(), journal.find(op.id()).orElseThrow().txTranId());
    }

    private long account() {
        long id = kappa.openOk(AccountCalls.consumer());
        kappa.call().contentType("application/x-www-form-urlencoded").formParam("country_code", "FR")
                .post("/v1.0/accounts/" + id + "/iban").then().statusCode(200);
        return id;
    }

    // What CreditTransfers.send journals before its TX write; the replica dies right after.
    private Operation journaled(long id, String amount) {
        String iban = kappa.get("/v1.0/accounts/" + id).then().extract().path("body.iban.iban");
        Instant then = clock.instant().minus(Duration.ofMinutes(2));
        Map<String, String> data = new LinkedHashMap<>();
        data.put("accountType", "consumer");
        data.put("senderName", "Alice Martin");
        data.put("senderIban", iban);
        data.put("senderBic", "AGWYFRP1XXX");
        data.put("dstName", "Bob Durand");
        data.put("dstIban", "FR7630006000011234567890189");
        data.put("dstBic", "AGRIFRPP");
        data.put("reason", "after the crash");
        data.put("sourceReason", "crash");
        Operation op = new Operation(OperationId.generate(then.toEpochMilli()), "kappa", OperationKind.CREDIT_TRANSFER,
                OperationState.PENDING, null, null, id, null, new BigDecimal(amount), "EUR", MoneyComments.NONE, null,
                null, null, data, 1, then, then);
        journal.record(op);
        return op;
    }

    private void settledOnce(long id, Operation op, String amount) throws Exception {
        assertEquals(OperationState.APPROVED, journal.find(op.id()).orElseThrow().state());
        List<JsonNode> debits = sim.trans(id).stream().filter(t -> "Debit".equals(t.path("kind").asText())).toList();
        assertEquals(1, debits.size(), "exactly one account2fi: " + debits);
        assertEquals(0, new BigDecimal("1000.00").subtract(new BigDecimal(amount)).compareTo(new BigDecimal(
                kappa.get("/v1.0/accounts/" + id + "/balance").then().extract().jsonPath().getString("body.balance"))));
        kappa.get("/v1.0/accounts/" + id + "/credit-transfers").then().statusCode(200)
                .body("body.total_results", equalTo(1))
                .body("body.credit-transfers[0].reason", equalTo("after the crash"));
        kappa.get("/v1.0/accounts/" + id + "/iban-statements").then().statusCode(200)
                .body("body.total_results", equalTo(1))
                .body("body.transactions[0].txid", equalTo(journal.find(op.id()).orElseThrow().txTranId().toString()));
    }
}
