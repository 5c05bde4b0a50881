package io.anygate.anytime.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.account.AccountOpeningResumer;
import io.anygate.domain.account.CrashAfterStep;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.tx.Contract;
import io.anygate.tx.ContractRef;
import io.anygate.tx.TxMatchKey;
import io.anygate.tx.Subject;
import io.anygate.tx.SubjectRef;
import io.anygate.tx.TxContracts;
import io.anygate.tx.TxPage;
import io.anygate.tx.TxSubjects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The account-opening saga crashed between every two steps, then retried with the same Idempotency-Key: exactly
 * one subject per role and one contract in TX, the account visible once. Without a key the reconciler's resumer
 * compensates: the contract is closed and nothing is visible.
 */
@QuarkusTest
class AccountOpeningSagaTest {

    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);

    @Inject
    CrashAfterStep crash;

    @Inject
    TxSubjects subjects;

    @Inject
    TxContracts contracts;

    @Inject
    OperationJournal journal;

    @Inject
    AccountOpeningResumer resumer;

    @AfterEach
    void disarm() {
        crash.disarm();
    }

    @ParameterizedTest
    @CsvSource({"consumer,holder", "consumer,contract", "consumer,activate", "consumer,fund", "consumer,register",
            "business,holder", "business,company", "business,contract", "business,activate", "business,register"})
    void crashThenRetryWithTheSameKeyResumes(String type, String step) {
        Map<String, String> form = "business".equals(type) ? AccountCalls.business() : AccountCalls.consumer();
        String key = "open-" + UUID.randomUUID();
        crash.arm(step);
        kappa.open(form, key).then().statusCode(408).body("body.error.code", equalTo(4080010));

        Response retry = kappa.open(form, key);
        retry.then().statusCode(200).body("body.acc_type", equalTo(type));
        long accId = retry.jsonPath().getLong("body.acc_id");
        kappa.open(form, key).then().statusCode(200).body("body.acc_id", equalTo((int) accId));

        OperationId op = OperationId.fromIdempotencyKey(AccountCalls.KAPPA.partnerId(), OperationKind.ACCOUNT_OPEN, key);
        assertEquals(OperationState.APPROVED, journal.find(op).orElseThrow().state());
        boolean business = "business".equals(type);
        Subject holder = subjects.subject(SubjectRef.ofRid((business ? "AGW-SP-" : "AGW-S-") + op.value()));
        Contract contract = contracts.contract(ContractRef.ofRid("AGW-A-" + op.value()));
        assertEquals(accId, contract.ref().id());
        long client = business ? subjects.subject(SubjectRef.ofRid("AGW-SC-" + op.value())).ref().id()
                : holder.ref().id();
        assertEquals(client, contract.client().id());
        assertEquals(1, contracts.contracts(SubjectRef.ofId(client), null, TxPage.first(100)).objects().size());
        // Subjects get sequential ids: a probe created now directly follows the saga's last subject, so no
        // duplicate subject was created by the retry.
        long probe = subjects.putSubject(new Subject(SubjectRef.ofRid("PROBE-" + op.value()), null, Subject.PERSON,
                null), TxMatchKey.of("probe-" + op.value())).objectId();
        assertEquals(client > holder.ref().id() ? client + 1 : holder.ref().id() + 1, probe);

        List<Long> listed = kappa.get("/v1.0/accounts", Map.of("limit_number", 1000)).jsonPath()
                .getList("body.accounts.acc_id", Long.class);
        assertEquals(1, listed.stream().filter(id -> id == accId).count());
        kappa.get("/v1.0/accounts/" + accId + "/balance").then().statusCode(200).body("body.balance", equalTo(1000.0f));
    }

    @ParameterizedTest
    @CsvSource({"holder", "contract", "activate", "fund"})
    void withoutAKeyTheResumerCompensates(String step) {
        int before = kappa.get("/v1.0/accounts", Map.of("limit_number", 1000)).jsonPath().getInt("body.total_results");
        crash.arm(step);
        kappa.open(AccountCalls.consumer(), null).then().statusCode(408);
        Operation op = journal.listUnresolved(1000).stream()
                .filter(o -> o.kind() == OperationKind.ACCOUNT_OPEN && o.partnerId().equals("kappa")
                        && o.idempotencyKey() == null)
                .findFirst().orElseThrow();
        assertTrue(!resumer.resumable(op));
        resumer.resume(op);

        assertEquals(OperationState.FAILED, journal.find(op.id()).orElseThrow().state());
        if (!"holder".equals(step)) {
            assertEquals("Closed", contracts.contract(ContractRef.ofRid("AGW-A-" + op.id().value())).details().status());
        }
        kappa.get("/v1.0/accounts", Map.of("limit_number", 1000)).then().body("body.total_results", equalTo(before));
    }

    @ParameterizedTest
    @CsvSource({"contract", "fund"})
    void withAKeyTheResumerFinishesTheOpening(String step) {
        String key = "resume-" + UUID.randomUUID();
        crash.arm(step);
        kappa.open(AccountCalls.consumer(), key).then().statusCode(408);
        OperationId id = OperationId.fromIdempotencyKey("kappa", OperationKind.ACCOUNT_OPEN, key);
        Operation op = journal.find(id).orElseThrow();
        assertTrue(resumer.resumable(op));
        resumer.resume(op);
        assertEquals(OperationState.APPROVED, journal.find(id).orElseThrow().state());
        long accId = contracts.contract(ContractRef.ofRid("AGW-A-" + id.value())).ref().id();
        kappa.get("/v1.0/accounts/" + accId).then().statusCode(200);
        kappa.open(AccountCalls.consumer(), key).then().statusCode(200).body("body.acc_id", equalTo((int) accId));
        Map<String, String> other = AccountCalls.consumer();
        other.put("user_first_name", "Bob");
        // the HTTP Idempotency-Key layer refuses a reused key with other parameters before the saga sees it
        kappa.open(other, key).then().statusCode(422).body("body.error.code", equalTo(4220010));
    }
}
