package io.anygate.anytime.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.card.CardOwnership;
import io.anygate.domain.card.OwnedCard;
import io.anygate.tx.TxCardRef;
import io.anygate.tx.CatalogueRef;
import io.anygate.tx.Contract;
import io.anygate.tx.ContractDetails;
import io.anygate.tx.ContractRef;
import io.anygate.tx.TxMatchKey;
import io.anygate.tx.MonetaryValue;
import io.anygate.tx.TranApproveRs;
import io.anygate.tx.TxCardCalls;
import io.anygate.tx.TxContracts;
import io.anygate.tx.TxTransfers;
import io.anygate.tx.SubjectRef;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The account routes end to end: signed HTTP calls, the embedded TX simulator behind them. */
@QuarkusTest
class AccountsApiTest {

    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);
    final AccountCalls lambda = new AccountCalls(AccountCalls.LAMBDA);

    @Inject
    TxContracts contracts;

    @Inject
    TxTransfers transfers;

    @Inject
    TxCardCalls cards;

    @Inject
    CardOwnership cardOwnership;

    @Test
    void consumerAccountOpensFundedAndShowsEveryField() {
        long id = kappa.openOk(AccountCalls.consumer());
        Response d = kappa.get("/v1.0/accounts/" + id);
        d.then().statusCode(200)
                .body("body.acc_id", equalTo((int) id)).body("body.acc_type", equalTo("consumer"))
                .body("body.acc_currency", equalTo("EUR")).body("body.user_gender", equalTo("F"))
                .body("body.user_first_name", equalTo("Alice")).body("body.user_last_name", equalTo("Martin"))
                .body("body.user_dob", equalTo("1985-04-12")).body("body.user_pob", equalTo("Lyon"))
                .body("body.user_email", equalTo("alice@example.com"))
                .body("body.user_mobile_number", equalTo("33600000001"))
                .body("body.user_addr_1", equalTo("1 rue de la Paix")).body("body.user_addr_2", equalTo("Bat B"))
                .body("body.user_addr_zip", equalTo("75002")).body("body.user_addr_city", equalTo("Paris"))
                .body("body.user_addr_cc", equalTo("fr")).body("body.user_nationality", equalTo("fr"))
                .body("body.corp_name", equalTo("")).body("body.corp_cc", equalTo(""))
                .body("body.iban.iban", equalTo("")).body("body.virtual_ibans", hasSize(0));
        kappa.get("/v1.0/accounts/" + id + "/balance").then().statusCode(200)
                .body("body.acc_id", equalTo((int) id)).body("body.balance", equalTo(1000.0f));
        Contract c = contracts.contract(ContractRef.ofId(id));
        assertEquals("Active", c.details().status());
        assertEquals("CT-ACCOUNT-CONSUMER", c.type().rid());
    }

    @Test
    void businessAccountKeepsCompanyAndCardholder() {
        long id = kappa.openOk(AccountCalls.business());
        kappa.get("/v1.0/accounts/" + id).then().statusCode(200)
                .body("body.acc_type", equalTo("business")).body("body.corp_name", equalTo("Acme SA"))
                .body("body.corp_regnum", equalTo("B123456")).body("body.corp_type", equalTo("SA"))
                .body("body.corp_activity", equalTo("Widgets")).body("body.corp_tva", equalTo("BE0123456789"))
                .body("body.corp_addr_1", equalTo("2 avenue Louise")).body("body.corp_addr_2", equalTo(""))
                .body("body.corp_zip", equalTo("1050")).body("body.corp_city", equalTo("Bruxelles"))
                .body("body.corp_cc", equalTo("be")).body("body.user_first_name", equalTo("Alice"));
        assertEquals("CT-ACCOUNT-BUSINESS", contracts.contract(ContractRef.ofId(id)).type().rid());
    }

    @Test
    void anotherPartnersAccountLooksLikeAMissingOne() {
        long id = kappa.openOk(AccountCalls.consumer());
        for (String path : List.of("", "/balance", "/cards", "/statements", "/statements/1")) {
            lambda.get("/v1.0/accounts/" + id + path).then().statusCode(403).body("body.error.code", equalTo(4030210));
            lambda.get("/v1.0/accounts/9007199254740" + path).then().statusCode(403)
                    .body("body.error.code", equalTo(4030210));
        }
        lambda.call().contentType("application/x-www-form-urlencoded").formParam("user_first_name", "Eve")
                .put("/v1.0/accounts/" + id).then().statusCode(403).body("body.error.code", equalTo(4030210));
        Response list = lambda.get("/v1.0/accounts", Map.of("limit_number", 1000));
        assertTrue(!list.jsonPath().getList("body.accounts.acc_id", Long.class).contains(id));
        kappa.get("/v1.0/accounts/" + id + "/balance").then().statusCode(200);
    }

    @Test
    void badParametersAreNamed() {
        Map<String, String> f = AccountCalls.consumer();
        f.remove("user_email");
        kappa.open(f, null).then().statusCode(400).body("body.error.code", equalTo(4000210))
                .body("body.error.message", equalTo("user_email: is required"));
        f = AccountCalls.consumer();
        f.put("acc_currency", "JPY");
        kappa.open(f, null).then().statusCode(400).body("body.error.code", equalTo(4000210));
        f = AccountCalls.consumer();
        f.put("acc_type", "savings");
        kappa.open(f, null).then().statusCode(400).body("body.error.code", equalTo(4000210));
        kappa.get("/v1.0/accounts/abc").then().statusCode(400).body("body.error.code", equalTo(4000210));
        kappa.get("/v1.0/accounts/0/balance").then().statusCode(400).body("body.error.code", equalTo(4000210));
        kappa.get("/v1.0/accounts", Map.of("limit_number", 0)).then().statusCode(400)
                .body("body.error.code", equalTo(4000210));
        kappa.get("/v1.0/accounts", Map.of("limit_start", -1)).then().statusCode(400)
                .body("body.error.code", equalTo(4000210));
    }

    @Test
    void updateIsPartialAndCurrencyCannotChange() {
        long id = kappa.openOk(AccountCalls.consumer());
        kappa.call().contentType("application/x-www-form-urlencoded").formParam("user_first_name", "Alicia")
                .formParam("user_addr_city", "Lille").put("/v1.0/accounts/" + id).then().statusCode(200)
                .body("body.acc_id", equalTo((int) id)).body("body.acc_type", equalTo("consumer"));
        kappa.get("/v1.0/accounts/" + id).then().body("body.user_first_name", equalTo("Alicia"))
                .body("body.user_addr_city", equalTo("Lille")).body("body.user_last_name", equalTo("Martin"))
                .body("body.user_addr_zip", equalTo("75002"));
        kappa.call().contentType("application/x-www-form-urlencoded").formParam("acc_currency", "USD")
                .put("/v1.0/accounts/" + id).then().statusCode(400).body("body.error.code", equalTo(4000210));
        kappa.call().contentType("application/x-www-form-urlencoded").formParam("user_dob", "3000-01-01")
                .put("/v1.0/accounts/" + id).then().statusCode(400).body("body.error.code", equalTo(4000210));
    }

    @Test
    void listPagesWithAnExactTotal() {
        AccountCalls fresh = new AccountCalls(AccountCalls.LAMBDA);
        fresh.openOk(AccountCalls.consumer());
        fresh.openOk(AccountCalls.consumer());
        fresh.openOk(AccountCalls.consumer());
        Response all = fresh.get("/v1.0/accounts", Map.of("limit_number", 1000));
        int total = all.jsonPath().getInt("body.total_results");
        assertTrue(total >= 3);
        assertEquals(total, all.jsonPath().getList("body.accounts").size());
        fresh.get("/v1.0/accounts").then().body("body.filters.limit_start", equalTo(0))
                .body("body.filters.limit_number", equalTo(50));
        fresh.get("/v1.0/accounts", Map.of("limit_start", 0, "limit_number", total)).then()
                .body("body.accounts", hasSize(total)).body("body.total_results", equalTo(total));
        fresh.get("/v1.0/accounts", Map.of("limit_start", total - 1, "limit_number", 2)).then()
                .body("body.accounts", hasSize(1)).body("body.total_results", equalTo(total));
        fresh.get("/v1.0/accounts", Map.of("limit_start", total, "limit_number", 2)).then()
                .body("body.accounts", hasSize(0)).body("body.total_results", equalTo(total));
        fresh.get("/v1.0/accounts", Map.of("limit_start", total + 50)).then().statusCode(200)
                .body("body.accounts", hasSize(0));
    }

    @Test
    void statementsListMovementsWithBalancesAndDetails() {
        long id = kappa.openOk(AccountCalls.consumer());
        long other = kappa.openOk(AccountCalls.consumer());
        TranApproveRs out = transfers.account2account(ContractRef.ofId(id), ContractRef.ofId(other),
                new MonetaryValue(new BigDecimal("100.00"), "EUR"), TxMatchKey.of("t-" + UUID.randomUUID()),
                List.of());
        TranApproveRs in = transfers.account2account(ContractRef.ofId(other), ContractRef.ofId(id),
                new MonetaryValue(new BigDecimal("25.50"), "EUR"), TxMatchKey.of("t-" + UUID.randomUUID()),
                List.of());
        Response r = kappa.get("/v1.0/accounts/" + id + "/statements");
        r.then().statusCode(200).body("body.acc_id", equalTo((int) id)).body("body.acc_type", equalTo("consumer"))
                .body("body.total_results", equalTo(2)).body("body.transactions", hasSize(2))
                .body("body.transactions[0].txid", equalTo(Long.toString(in.tranId())))
                .body("body.transactions[0].type", equalTo("C")).body("body.transactions[0].amount", equalTo(25.5f))
                .body("body.transactions[0].balance", equalTo(925.5f))
                .body("body.transactions[1].type", equalTo("D")).body("body.transactions[1].balance", equalTo(900.0f))
                .body("body.transactions[1].status", equalTo("S")).body("body.transactions[1].currency", equalTo("EUR"))
                .body("body.transactions[1].execution_date", equalTo(r.jsonPath().getString("body.transactions[1].date")))
                .body("body.transactions[1].executionDate", equalTo(r.jsonPath().getString("body.transactions[1].date")))
                .body("body.transactions[1].virtual_iban", equalTo("")).body("body.transactions[1].iban", hasSize(0))
                .body("body.filters.limit_start", equalTo(0));
        kappa.get("/v1.0/accounts/" + id + "/statements", Map.of("limit_start", 1, "limit_number", 1)).then()
                .body("body.transactions", hasSize(1)).body("body.total_results", equalTo(2))
                .body("body.transactions[0].txid", equalTo(Long.toString(out.tranId())));
        kappa.get("/v1.0/accounts/" + id + "/statements", Map.of("limit_start", 2)).then()
                .body("body.transactions", hasSize(0)).body("body.total_results", equalTo(2));
        kappa.get("/v1.0/accounts/" + id + "/statements", Map.of("date_start", "2000-01-01", "date_end", "2000-01-31"))
                .then().statusCode(200).body("body.total_results", equalTo(0))
                .body("body.filters.date_start", equalTo("2000-01-01"));
        kappa.get("/v1.0/accounts/" + id + "/statements", Map.of("date_start", "2000-02-01", "date_end", "2000-01-31"))
                .then().statusCode(400).body("body.error.code", equalTo(4000050));
        kappa.get("/v1.0/accounts/" + id + "/statements", Map.of("date_start", "yesterday")).then().statusCode(400)
                .body("body.error.code", equalTo(4000210));

        kappa.get("/v1.0/accounts/" + id + "/statements/" + out.tranId()).then().statusCode(200)
                .body("body.txid", equalTo(Long.toString(out.tranId()))).body("body.type", equalTo("D"))
                .body("body.balance", equalTo(900.0f));
        kappa.get("/v1.0/accounts/" + id + "/statements/" + id + "-" + in.tranId()).then().statusCode(200)
                .body("body.txid", equalTo(Long.toString(in.tranId()))).body("body.balance", equalTo(925.5f));
        kappa.get("/v1.0/accounts/" + id + "/statements/" + other + "-" + in.tranId()).then().statusCode(400)
                .body("body.error.code", equalTo(4000210));
        kappa.get("/v1.0/accounts/" + id + "/statements/999999999").then().statusCode(404)
                .body("body.error.code", equalTo(4040210));
        long third = kappa.openOk(AccountCalls.consumer());
        TranApproveRs elsewhere = transfers.account2account(ContractRef.ofId(third), ContractRef.ofId(other),
                new MonetaryValue(BigDecimal.ONE, "EUR"), TxMatchKey.of("t-" + UUID.randomUUID()), List.of());
        kappa.get("/v1.0/accounts/" + id + "/statements/" + elsewhere.tranId()).then().statusCode(404)
                .body("body.error.code", equalTo(4040210));
    }

    @Test
    void accountCardsShowTxCardAndItsBalance() {
        long id = kappa.openOk(AccountCalls.consumer());
        kappa.get("/v1.0/accounts/" + id + "/cards").then().statusCode(200).body("body.total_results", equalTo(0))
                .body("body.cards", hasSize(0)).body("body.acc_id", equalTo((int) id));
        Contract account = contracts.contract(ContractRef.ofId(id));
        String op = UUID.randomUUID().toString().substring(0, 8);
        long cardContract = contracts.putContract(new Contract(ContractRef.ofRid("T-CC-" + op), null,
                CatalogueRef.ofRid("CT-CARD"), account.client(), new ContractDetails(null, null, null, "EUR", null,
                        null), null), TxMatchKey.of("t-cc-" + op)).objectId();
        contracts.activate(ContractRef.ofId(cardContract), TxMatchKey.of("t-cca-" + op));
        transfers.account2account(ContractRef.ofId(id), ContractRef.ofId(cardContract),
                new MonetaryValue(new BigDecimal("40.00"), "EUR"), TxMatchKey.of("t-load-" + op), List.of());
        long cardId = cards.putCard(new io.anygate.tx.TxCard(TxCardRef.ofRid("T-C-" + op), null,
                SubjectRef.ofId(account.client().id()), null, null, ContractRef.ofId(cardContract),
                CatalogueRef.ofRid("CP-PHYSICAL"), null, null, null, null, CatalogueRef.ofRid("RP-NO-ATM"),
                new io.anygate.tx.TxCard.Names("ALICE MARTIN", null, null),
                new io.anygate.tx.TxCard.Dates(null, null, null, java.time.LocalDate.now().plusYears(3), null), null,
                null), TxMatchKey.of("t-c-" + op)).objectId();
        cardOwnership.register(new OwnedCard(cardId, AccountCalls.KAPPA.partnerId(), id, cardContract, "EUR", false),
                "t" + op + "0000000000000000");
        kappa.get("/v1.0/accounts/" + id + "/cards").then().statusCode(200).body("body.total_results", equalTo(1))
                .body("body.cards[0].card_ref", equalTo(String.format("ANY%010d", cardId)))
                .body("body.cards[0].card_type", equalTo("PLASTIC")).body("body.cards[0].status", equalTo("ORD"))
                .body("body.cards[0].balance", equalTo(40.0f)).body("body.cards[0].atm", equalTo(0))
                .body("body.cards[0].pos", equalTo(1)).body("body.cards[0].activation_date", equalTo("0000-00-00"))
                .body("body.cards[0].card_holder.first_name", equalTo("Alice"))
                .body("body.cards[0].card_holder.gender", equalTo("F"))
                .body("body.cards[0].card_name.embossed", equalTo("ALICE MARTIN"));
        kappa.get("/v1.0/accounts/" + id + "/cards", Map.of("limit_start", 1)).then().statusCode(200)
                .body("body.total_results", equalTo(1)).body("body.cards", hasSize(0));
    }
}
