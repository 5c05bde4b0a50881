package io.anygate.anytime.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.Reconciler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An inbound credit journaled by a replica that died before its TX write: the reconciler sends it under its
 * matchKey, and the account is credited exactly once however often it runs.
 */
@QuarkusTest
class IncomingCreditRecoveryTest {

    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);

    @Inject
    OperationJournal journal;

    @Inject
    Reconciler reconciler;

    @Inject
    Clock clock;

    @Test
    void aCreditJournaledBeforeACrashIsSentOnceByTheReconciler() {
        long id = kappa.openOk(AccountCalls.consumer());
        String iban = kappa.call().contentType("application/x-www-form-urlencoded").formParam("country_code", "FR")
                .post("/v1.0/accounts/" + id + "/iban").then().statusCode(200).extract().path("body.iban");
        BigDecimal before = balance(id);
        // what IncomingCredits.receive journals before its TX write; the replica dies right after
        Instant then = clock.instant().minus(Duration.ofMinutes(2));
        OperationId opId = OperationId.generate(then.toEpochMilli());
        journal.record(new Operation(opId, "kappa", OperationKind.IBAN_CREDIT, OperationState.PENDING, "E2E-CRASH",
                "fingerprint", id, null, new BigDecimal("12.00"), "EUR", MoneyComments.NONE, null, null, null,
                Map.of("iban", iban, "debtor", "Jean Dupont", "remittance", "after the crash"), 1, then, then));

        for (int pass = 0; pass < 3; pass++) {
            reconciler.runOnce("recovery-test", Duration.ZERO, Duration.ofMinutes(1), 500);
        }

        assertEquals(OperationState.APPROVED, journal.find(opId).orElseThrow().state());
        assertEquals(0, before.add(new BigDecimal("12.00")).compareTo(balance(id)));
        kappa.get("/v1.0/accounts/" + id + "/iban-statements").then().statusCode(200)
                .body("body.total_results", equalTo(1))
                .body("body.transactions[0].iban.comment", equalTo("after the crash"))
                .body("body.transactions[0].txid", equalTo(journal.find(opId).orElseThrow().txTranId().toString()));
    }

    private BigDecimal balance(long id) {
        return new BigDecimal(kappa.get("/v1.0/accounts/" + id + "/balance").then().statusCode(200)
                .extract().jsonPath().getString("body.balance"));
    }
}
