package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static io.anygate.anytime.cards.CardCalls.orderOk;
import static io.anygate.anytime.cards.CardCalls.virtualOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.domain.CardRef;
import io.anygate.domain.money.CardMoney;
import io.anygate.domain.money.MoneyRequest;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1.0/cards/{card_ref}/transactions[/{txid}]}: paging edges, dates, balances after, errors. */
@QuarkusTest
class CardTransactionsTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;

    @Inject
    CardFixture accounts;
    @Inject
    CardMoney money;

    @BeforeEach
    void fresh() {
        CardCalls.reset();
    }

    @Test
    void pagesDatesAndDetails() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), true, new BigDecimal("500.00"));
        String ref = orderOk(ALPHA, virtualOrder(acc.accountId(), "VIRTUAL_MULTI_USE", "10"));
        long cardId = CardRef.parse(ref).orElseThrow().txCardId();
        for (String amount : List.of("1.00", "2.00")) {
            money.credit(new MoneyRequest(ALPHA.partnerId(), cardId, new BigDecimal(amount), "", "",
                    UUID.randomUUID().toString(), amount));
        }
        money.debit(new MoneyRequest(ALPHA.partnerId(), cardId, new BigDecimal("4.00"), "", "",
                UUID.randomUUID().toString(), "d"));
        String path = "/v1.0/cards/" + ref + "/transactions";

        Response all = as(ALPHA).get(path);
        all.then().statusCode(200).body("body.total_results", equalTo(4)).body("body.transactions", hasSize(4))
                .body("body.card_ref", equalTo(ref)).body("body.acc_id", equalTo((int) acc.accountId()))
                .body("body.transactions[0].type", equalTo("D")).body("body.transactions[0].amount", equalTo(4.0f))
                .body("body.transactions[0].balance_after", equalTo(9.0f))
                .body("body.transactions[1].balance_after", equalTo(13.0f))
                .body("body.transactions[3].balance_after", equalTo(10.0f))
                .body("body.transactions[3].type", equalTo("C")).body("body.transactions[3].status", equalTo("S"));

        as(ALPHA).queryParam("limit_number", 2).get(path).then().body("body.transactions", hasSize(2))
                .body("body.total_results", equalTo(4)).body("body.filters.limit_number", equalTo(2));
        as(ALPHA).queryParam("limit_start", 3).get(path).then().body("body.transactions", hasSize(1))
                .body("body.transactions[0].balance_after", equalTo(10.0f));
        as(ALPHA).queryParam("limit_start", 4).get(path).then().body("body.transactions", hasSize(0))
                .body("body.total_results", equalTo(4));
        as(ALPHA).queryParam("limit_number", 0).get(path).then().statusCode(400)
                .body("body.error.code", equalTo(4000310));
        as(ALPHA).queryParam("limit_number", 1001).get(path).then().statusCode(400);
        String tomorrow = LocalDate.now().plusDays(2).toString();
        as(ALPHA).queryParam("date_start", tomorrow).get(path).then().statusCode(200)
                .body("body.transactions", hasSize(0)).body("body.total_results", equalTo(4))
                .body("body.filters.date_start", equalTo(tomorrow));
        as(ALPHA).queryParam("date_start", tomorrow).queryParam("date_end", LocalDate.now().toString()).get(path)
                .then().statusCode(400).body("body.error.code", equalTo(4000050));
        as(ALPHA).queryParam("date_start", "yesterday").get(path).then().statusCode(400)
                .body("body.error.code", equalTo(4000310));

        long txid = all.jsonPath().getLong("body.transactions[1].txid");
        as(ALPHA).get(path + "/" + txid).then().statusCode(200).body("body.txid", equalTo((int) txid))
                .body("body.balance_after", equalTo(13.0f)).body("body.mcc", equalTo(0));
        as(ALPHA).get(path + "/999999999").then().statusCode(404).body("body.error.code", equalTo(4040310));
        as(ALPHA).get(path + "/abc").then().statusCode(400).body("body.error.code", equalTo(4000310));
        assertEquals(4, all.jsonPath().getList("body.transactions").size());
    }
}
