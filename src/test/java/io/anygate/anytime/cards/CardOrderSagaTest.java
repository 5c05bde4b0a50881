package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.plasticOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.card.CardOrderResumer;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.TestPartner;
import io.anygate.tx.TxCard;
import io.anygate.tx.Contract;
import io.anygate.tx.ContractRef;
import io.anygate.tx.SubjectRef;
import io.anygate.tx.TxCardCalls;
import io.anygate.tx.TxContracts;
import io.anygate.tx.TxPage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The card-order saga interrupted between every two steps (a crash injected by a step listener), then retried with
 * the same Idempotency-Key: exactly one card contract and one card in TX, loaded once. And the reconciler's side:
 * resume forward within the window, compensate an order nobody can retry.
 */
@QuarkusTest
class CardOrderSagaTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;

    @Inject
    CardFixture accounts;
    @Inject
    CardCrashSwitch crash;
    @Inject
    TxContracts contracts;
    @Inject
    TxCardCalls cards;
    @Inject
    OperationJournal journal;
    @Inject
    CardOrderResumer resumer;

    @BeforeEach
    void fresh() {
        CardCalls.reset();
    }

    @AfterEach
    void off() {
        crash.off();
    }

    @ParameterizedTest
    @ValueSource(strings = {"card-contract", "contract-activate", "link", "card", "register"})
    void crashAfterEachStepThenRetry(String step) {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        String key = "order-" + UUID.randomUUID();
        crash.crashAfter(OperationKind.CARD_ORDER, step);
        CardCalls.order(ALPHA, plasticOrder(acc.accountId(), "30"), key).then().statusCode(500)
                .body("body.error.code", equalTo(5000010));

        Response retry = CardCalls.order(ALPHA, plasticOrder(acc.accountId(), "30"), key);
        retry.then().statusCode(200);
        Response again = CardCalls.order(ALPHA, plasticOrder(acc.accountId(), "30"), key);
        assertEquals(retry.jsonPath().getString("body.card_ref"), again.jsonPath().getString("body.card_ref"));

        assertOneCardLoadedOnce(acc, new BigDecimal("30.00"));
        CardCalls.as(ALPHA).get("/v1.0/cards/" + retry.jsonPath().getString("body.card_ref")).then()
                .statusCode(200).body("body.balance", equalTo(30.0f));
    }

    @Test
    void sameKeyOtherParametersIsRefused() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        String key = "order-" + UUID.randomUUID();
        CardCalls.order(ALPHA, plasticOrder(acc.accountId(), "30"), key).then().statusCode(200);
        // refused by the HTTP Idempotency-Key layer before the saga sees it
        CardCalls.order(ALPHA, plasticOrder(acc.accountId(), "31"), key).then().statusCode(422)
                .body("body.error.code", equalTo(4220010));
    }

    @Test
    void reconcilerResumesForwardWithinTheWindow() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        String key = "order-" + UUID.randomUUID();
        crash.crashAfter(OperationKind.CARD_ORDER, "link");
        CardCalls.order(ALPHA, plasticOrder(acc.accountId(), "12"), key).then().statusCode(500);
        OperationId id = OperationId.fromIdempotencyKey(ALPHA.partnerId(), OperationKind.CARD_ORDER, key);

        resumer.resume(journal.find(id).orElseThrow());

        assertEquals(OperationState.APPROVED, journal.find(id).orElseThrow().state());
        assertOneCardLoadedOnce(acc, new BigDecimal("12.00"));
        CardCalls.order(ALPHA, plasticOrder(acc.accountId(), "12"), key).then().statusCode(200);
        assertOneCardLoadedOnce(acc, new BigDecimal("12.00"));
    }

    @Test
    void reconcilerCompensatesAnOrderWithoutKey() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        crash.crashAfter(OperationKind.CARD_ORDER, "card");
        CardCalls.order(ALPHA, plasticOrder(acc.accountId(), "12"), null).then().statusCode(500);
        Operation op = journal.listUnresolved(500).stream()
                .filter(o -> o.kind() == OperationKind.CARD_ORDER && String.valueOf(acc.accountId())
                        .equals(o.get("accountId")))
                .findFirst().orElseThrow();

        resumer.resume(op);

        assertEquals(OperationState.FAILED, journal.find(op.id()).orElseThrow().state());
        List<TxCard> made = cards.cards(SubjectRef.ofId(acc.holderSubjectId()), null, TxPage.first(100)).objects();
        assertEquals(1, made.size());
        assertEquals("Closed", made.get(0).status());
        List<Contract> cc = contracts.contracts(SubjectRef.ofId(acc.holderSubjectId()), "CT-CARD", TxPage.first(100))
                .objects();
        assertEquals(1, cc.size());
        assertEquals(Contract.CLOSED, contracts.contract(ContractRef.ofId(cc.get(0).ref().id())).details().status());
        assertEquals(new BigDecimal("100.00"), CardFixture.balance(acc.accountId()));
    }

    private void assertOneCardLoadedOnce(CardFixture.Account acc, BigDecimal amount) {
        List<Contract> cardContracts = contracts.contracts(SubjectRef.ofId(acc.holderSubjectId()), "CT-CARD",
                TxPage.first(100)).objects();
        List<TxCard> made = cards.cards(SubjectRef.ofId(acc.holderSubjectId()), null, TxPage.first(100)).objects();
        assertEquals(1, cardContracts.size(), "one card contract");
        assertEquals(1, made.size(), "one card");
        assertEquals(0, amount.compareTo(CardFixture.balance(cardContracts.get(0).ref().id())), "card loaded once");
        assertTrue(new BigDecimal("100.00").subtract(amount).compareTo(CardFixture.balance(acc.accountId())) == 0,
                "account debited once");
    }
}
