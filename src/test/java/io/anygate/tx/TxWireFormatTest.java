package io.anygate.tx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.anygate.domain.operation.MatchKey;
import io.anygate.domain.operation.MoneyComments;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the TX client puts on the wire and how it reads TX's answers. */
@QuarkusTest
@TestProfile(TxStubProfile.class)
class TxWireFormatTest {

    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString("tx-sandbox:tx-sandbox-secret".getBytes(StandardCharsets.UTF_8));

    @Inject
    TxContracts contracts;

    @Inject
    TxTransfers transfers;

    @Inject
    TxMoneyLedger ledger;

    @InjectTxStub
    WireMockServer tx;

    @BeforeEach
    void reset() {
        tx.resetAll();
    }

    @Test
    void contractLookupSendsBasicAuthAndDeepObjectRefAndReadsDetails() {
        tx.stubFor(get(urlPathEqualTo("/tx/v1/contract")).willReturn(okJson("""
                {"ref":{"id":4680,"rid":"AGW-A-1"},"className":"Credit contracts","client":{"id":1001},
                 "details":{"status":"Active","name":"Main","mainCcy":"EUR","somethingNew":true,
                            "balances":{"available":12.34,"ledger":12.345}},
                 "unknownTopLevel":{"x":1}}""")));

        Contract c = contracts.contract(ContractRef.ofId(4680));

        assertEquals(4680L, c.ref().id());
        assertEquals("Active", c.details().status());
        assertEquals(new BigDecimal("12.34"), c.details().balances().available());
        assertEquals(new BigDecimal("12.345"), c.details().balances().ledger());
        tx.verify(1, getRequestedFor(urlPathEqualTo("/tx/v1/contract"))
                .withHeader("Authorization", equalTo(BASIC))
                .withQueryParam("ref[id]", equalTo("4680")));
        String url = tx.getAllServeEvents().get(0).getRequest().getUrl();
        assertTrue(url.contains("ref%5Bid%5D=4680") || url.contains("ref[id]=4680"), url);
        assertFalse(url.contains("ref[rid]") || url.contains("ref%5Brid%5D"), "absent rid is not sent: " + url);
    }

    @Test
    void listsSendFilterAndPageAsDeepObjects() {
        tx.stubFor(get(urlPathEqualTo("/tx/v1/contracts")).willReturn(okJson("""
                {"hasMore":true,"objects":[{"ref":{"id":1}},{"ref":{"id":2}}]}""")));

        TxList<Contract> page = contracts.contracts(SubjectRef.ofRid("AGW-S-9"), "CT-ACCOUNT-CONSUMER",
                new TxPage(50, 2, TxPage.ID_DESC));

        assertTrue(page.hasMore());
        assertEquals(2, page.objects().size());
        tx.verify(getRequestedFor(urlPathEqualTo("/tx/v1/contracts"))
                .withQueryParam("filter[clientRid]", equalTo("AGW-S-9"))
                .withQueryParam("filter[typeRid]", equalTo("CT-ACCOUNT-CONSUMER"))
                .withQueryParam("page[offset]", equalTo("50"))
                .withQueryParam("page[limit]", equalTo("2"))
                .withQueryParam("order", equalTo("IdDesc")));
    }

    @Test
    void transferCarriesMatchKeyAndExactAmount() {
        tx.stubFor(post(urlPathEqualTo("/tx/v1/tran/account2account"))
                .willReturn(okJson("{\"tranId\":9000000000123,\"approvalCode\":\"A1\"}")));

        TranApproveRs rs = transfers.account2account(ContractRef.ofId(1), ContractRef.ofRid("AGW-A-2"),
                new MonetaryValue(new BigDecimal("10.10"), "EUR"), TxMatchKey.of("op-1"), List.of());

        assertEquals(9000000000123L, rs.tranId());
        tx.verify(postRequestedFor(urlPathEqualTo("/tx/v1/tran/account2account"))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(matchingJsonPath("$.tranRq.match.key", equalTo("op-1")))
                .withRequestBody(matchingJsonPath("$.src.id", equalTo("1")))
                .withRequestBody(matchingJsonPath("$.dst.rid", equalTo("AGW-A-2"))));
        // BigDecimal all the way: the scale the caller gave is what TX receives, never a double's rendering.
        String body = tx.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertTrue(body.contains("\"amt\":10.10"), body);
    }

    @Test
    void aLoadCarriesThePartnersCommentsAsUserAttributesAndOmitsAbsentOnes() {
        tx.stubFor(post(urlPathEqualTo("/tx/v1/tran/account2account"))
                .willReturn(okJson("{\"tranId\":77,\"approvalCode\":\"A1\"}")));

        ledger.transfer(1, 2, new BigDecimal("10.00"), "EUR", new MatchKey("agw-op-c"),
                new MoneyComments("Top-up order 1234", "Gift"));
        ledger.transfer(1, 2, new BigDecimal("10.00"), "EUR", new MatchKey("agw-op-a"),
                new MoneyComments("Payroll", ""));
        ledger.transfer(1, 2, new BigDecimal("10.00"), "EUR", new MatchKey("agw-op-n"),
                MoneyComments.NONE);

        tx.verify(postRequestedFor(urlPathEqualTo("/tx/v1/tran/account2account"))
                .withRequestBody(matchingJsonPath("$.tranRq.match.key", equalTo("agw-op-c")))
                .withRequestBody(matchingJsonPath("$.tranRq.userAttrs[0].rid", equalTo("AGW-ACC-COMMENT")))
                .withRequestBody(matchingJsonPath("$.tranRq.userAttrs[0].val", equalTo("Top-up order 1234")))
                .withRequestBody(matchingJsonPath("$.tranRq.userAttrs[1].rid", equalTo("AGW-CARD-COMMENT")))
                .withRequestBody(matchingJsonPath("$.tranRq.userAttrs[1].val", equalTo("Gift"))));
        String accountOnly = tx.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString())
                .filter(b -> b.contains("agw-op-a")).findFirst().orElseThrow();
        assertTrue(accountOnly.contains("AGW-ACC-COMMENT") && !accountOnly.contains("AGW-CARD-COMMENT"), accountOnly);
        String none = tx.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString())
                .filter(b -> b.contains("agw-op-n")).findFirst().orElseThrow();
        assertFalse(none.contains("userAttrs"), "no comment, no userAttrs: " + none);
    }

    @Test
    void transactionsAreReadWithStringIdsAndNestedMcc() {
        tx.stubFor(get(urlPathEqualTo("/tx/v1/trans")).willReturn(okJson("""
                {"hasMore":false,"objects":[{"id":"77","regTime":"2026-11-23T12:00:00","kind":"Purchase",
                  "isReversal":false,"terminal":{"countryCode":250,"owner":{"mcc":5411}},
                  "values":{"customer":{"amt":-5.5,"ccy":"EUR"}},"result":"Approved"}]}""")));

        TxList<Tran> list = transfers.trans(ContractRef.ofId(4680), null, LocalDateTime.parse("2026-11-01T00:00:00"),
                null, TxPage.first(50));

        Tran t = list.objects().get(0);
        assertEquals(77L, t.id());
        assertEquals(5411, t.terminal().merchantCategory());
        assertEquals(new BigDecimal("-5.5"), t.values().customer().amt());
        tx.verify(getRequestedFor(urlPathEqualTo("/tx/v1/trans"))
                .withQueryParam("contract[id]", equalTo("4680"))
                .withQueryParam("filter[begTime]", equalTo("2026-11-01T00:00:00")));
    }

    @Test
    void aWriteWithoutMatchKeyIsRejectedBeforeAnyCall() {
        assertThrows(NullPointerException.class, () -> transfers.account2account(ContractRef.ofId(1),
                ContractRef.ofId(2), new MonetaryValue(BigDecimal.ONE, "EUR"), null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> TxMatchKey.of(" "));
        assertThrows(IllegalArgumentException.class, () -> TxMatchKey.of("k".repeat(65)));
        assertEquals(0, tx.getAllServeEvents().size());
    }
}
