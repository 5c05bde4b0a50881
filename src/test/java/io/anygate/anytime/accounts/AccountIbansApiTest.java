package io.anygate.anytime.accounts;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.SimulatorHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.iban4j.IbanUtil;
import org.junit.jupiter.api.Test;

/**
 * The IBAN routes end to end through HTTP against the simulator, as the PHP SDK calls them: IBAN and virtual IBANs,
 * the sandbox incoming credit (a TX fi2account, credited once per end_to_end_id), IBAN statements, and the errors.
 */
@QuarkusTest
class AccountIbansApiTest {

    static final String FORM = "application/x-www-form-urlencoded";

    final AccountCalls kappa = new AccountCalls(AccountCalls.KAPPA);
    final AccountCalls lambda = new AccountCalls(AccountCalls.LAMBDA);
    final AccountCalls omicron = new AccountCalls(AccountCalls.partner("omicron"));

    Response post(AccountCalls who, String path, Map<String, String> form) {
        return who.call().contentType(FORM).formParams(form).post(path);
    }

    String issue(AccountCalls who, long id, String country) {
        return post(who, "/v1.0/accounts/" + id + "/iban", Map.of("country_code", country))
                .then().statusCode(200).extract().path("body.iban");
    }

    Response credit(AccountCalls who, long id, String iban, String amount, String e2e, String remittance) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("iban", iban);
        f.put("amount", amount);
        f.put("debtor_name", "Jean Dupont");
        f.put("remittance_info", remittance);
        if (e2e != null) {
            f.put("end_to_end_id", e2e);
        }
        return post(who, "/v1.0/sandbox/accounts/" + id + "/incoming-credit", f);
    }

    BigDecimal balance(AccountCalls who, long id) {
        return new BigDecimal(who.get("/v1.0/accounts/" + id + "/balance").then().statusCode(200)
                .extract().jsonPath().getString("body.balance"));
    }

    @Test
    void issuesAValidIbanPerCountryWithItsBankCodesAndShowsItOnTheAccount() {
        Map<String, String> bics = Map.of("FR", "AGWYFRP1XXX", "BE", "AGWYBEB1XXX", "LU", "AGWYLUL1XXX",
                "DE", "AGWYDEB1XXX", "NL", "AGWYNL21XXX");
        Map<String, String> bankCodes = Map.of("FR", "12739", "BE", "967", "LU", "047", "DE", "10090044",
                "NL", "AGWY");
        for (String country : List.of("FR", "BE", "LU", "DE", "NL")) {
            long id = kappa.openOk(AccountCalls.consumer());
            JsonPath answer = post(kappa, "/v1.0/accounts/" + id + "/iban",
                    Map.of("country_code", country.toLowerCase())).then().statusCode(200).extract().jsonPath();
            String iban = answer.getString("body.iban");
            IbanUtil.validate(iban); // structure of the country and mod-97 check digits, or it throws
            assertTrue(iban.startsWith(country), iban);
            assertEquals(bankCodes.get(country), IbanUtil.getBankCode(iban));
            assertEquals(bics.get(country), answer.getString("body.swift"));
            kappa.get("/v1.0/accounts/" + id).then().statusCode(200)
                    .body("body.iban.iban", equalTo(iban))
                    .body("body.iban.swift", equalTo(bics.get(country)))
                    .body("body.virtual_ibans", hasSize(0));
            post(kappa, "/v1.0/accounts/" + id + "/iban", Map.of("country_code", country)).then().statusCode(400)
                    .body("body.error.code", equalTo(4000230))
                    .body("body.error.exception", equalTo("AccountIbanAlreadyExistsException"));
        }
    }

    @Test
    void frenchIbansCarryAValidRibKeyAndTwoAccountsNeverShareANumber() {
        String a = issue(kappa, kappa.openOk(AccountCalls.consumer()), "FR");
        String b = issue(kappa, kappa.openOk(AccountCalls.consumer()), "FR");
        assertNotEquals(a, b);
        for (String iban : List.of(a, b)) {
            // RIB key: 97 - (89 bank + 15 branch + 3 account) mod 97, the BBAN's last two digits
            String bban = iban.substring(4);
            long sum = 89L * Long.parseLong(bban.substring(0, 5)) + 15L * Long.parseLong(bban.substring(5, 10))
                    + 3L * Long.parseLong(bban.substring(10, 21));
            assertEquals(97 - sum % 97, Long.parseLong(bban.substring(21)), iban);
        }
    }

    @Test
    void badCountryCodesNameTheParameter() {
        long id = kappa.openOk(AccountCalls.consumer());
        for (Map<String, String> form : List.of(Map.<String, String>of(), Map.of("country_code", "XX"),
                Map.of("country_code", "US"), Map.of("country_code", "FRA"))) {
            post(kappa, "/v1.0/accounts/" + id + "/iban", form).then().statusCode(400)
                    .body("body.error.code", equalTo(4000210))
                    .body("body.error.message", startsWith("country_code:"));
        }
        kappa.get("/v1.0/accounts/" + id).then().statusCode(200).body("body.iban.iban", equalTo(""));
    }

    @Test
    void virtualIbansNeedTheIbanFirstAndAppearOnTheAccount() {
        long id = kappa.openOk(AccountCalls.business());
        String path = "/v1.0/accounts/" + id + "/virtual-ibans";
        post(kappa, path, Map.of("type", "C")).then().statusCode(403)
                .body("body.error.code", equalTo(4030221))
                .body("body.error.exception", equalTo("AccountIbanNotCreatedException"));
        String main = issue(kappa, id, "BE");
        for (Map<String, String> form : List.of(Map.<String, String>of(), Map.of("type", "X"),
                Map.of("type", "BOTH"))) {
            post(kappa, path, form).then().statusCode(400).body("body.error.code", equalTo(4000210))
                    .body("body.error.message", startsWith("type:"));
        }
        JsonPath c = post(kappa, path, Map.of("type", "C")).then().statusCode(200).extract().jsonPath();
        JsonPath d = post(kappa, path, Map.of("type", "D")).then().statusCode(200).extract().jsonPath();
        assertEquals("C", c.getString("body.type"));
        assertEquals("D", d.getString("body.type"));
        IbanUtil.validate(c.getString("body.iban"));
        IbanUtil.validate(d.getString("body.iban"));
        assertTrue(c.getString("body.iban").startsWith("BE"));
        JsonPath info = kappa.get("/v1.0/accounts/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals(main, info.getString("body.iban.iban"));
        assertEquals(List.of(c.getString("body.iban"), d.getString("body.iban")),
                info.getList("body.virtual_ibans.iban"));
        assertEquals(List.of("C", "D"), info.getList("body.virtual_ibans.type"));
        assertEquals(List.of("AGWYBEB1XXX", "AGWYBEB1XXX"), info.getList("body.virtual_ibans.swift"));
    }

    @Test
    void tXOperatorsSeeTheIbansOnTheAccountContract() throws Exception {
        long id = kappa.openOk(AccountCalls.consumer());
        String iban = issue(kappa, id, "NL");
        String virtual = post(kappa, "/v1.0/accounts/" + id + "/virtual-ibans", Map.of("type", "C")).then()
                .statusCode(200).extract().path("body.iban");
        SimulatorHttp sim = new SimulatorHttp(ConfigProvider.getConfig().getValue("gateway.tx.url", String.class));
        Map<String, String> attrs = new LinkedHashMap<>();
        sim.contract(id).path("userAttrs").forEach(a -> attrs.put(a.path("rid").asText(), a.path("val").asText()));
        assertEquals(iban, attrs.get("AGW-IBAN"));
        assertEquals(virtual, attrs.get("AGW-VIBAN-C"));
        assertTrue(attrs.containsKey("AGW-HOLDER"), "the contract's other attributes are kept: " + attrs);
    }

    @Test
    void theIbanKycGateRefusesUntilTheKycIsAccepted() {
        long id = omicron.openOk(AccountCalls.consumer());
        post(omicron, "/v1.0/accounts/" + id + "/iban", Map.of("country_code", "FR")).then().statusCode(403)
                .body("body.error.code", equalTo(4030220))
                .body("body.error.exception", equalTo("AccountIbanIncompleteKYCException"));
        post(omicron, "/v1.0/accounts/" + id + "/virtual-ibans", Map.of("type", "C")).then().statusCode(403)
                .body("body.error.code", equalTo(4030220));
    }

    @Test
    void anotherPartnersAccountIsRefusedOnEveryRoute() {
        long id = kappa.openOk(AccountCalls.consumer());
        String iban = issue(kappa, id, "LU");
        String base = "/v1.0/accounts/" + id;
        post(lambda, base + "/iban", Map.of("country_code", "FR")).then().statusCode(403)
                .body("body.error.code", equalTo(4030210));
        post(lambda, base + "/virtual-ibans", Map.of("type", "C")).then().statusCode(403)
                .body("body.error.code", equalTo(4030210));
        lambda.get(base + "/iban-statements").then().statusCode(403).body("body.error.code", equalTo(4030210));
        credit(lambda, id, iban, "10.00", null, "x").then().statusCode(403).body("body.error.code", equalTo(4030210));
        lambda.get(base).then().statusCode(403).body("body.error.code", equalTo(4030210));
        // lambda's own account cannot take kappa's IBAN either
        long own = lambda.openOk(AccountCalls.consumer());
        credit(lambda, own, iban, "10.00", null, "x").then().statusCode(400)
                .body("body.error.code", equalTo(4000210)).body("body.error.message", startsWith("iban:"));
        post(kappa, "/v1.0/accounts/abc/iban", Map.of("country_code", "FR")).then().statusCode(400)
                .body("body.error.code", equalTo(4000210));
    }

    @Test
    void anIncomingCreditIsCreditedExactlyOncePerEndToEndId() {
        long id = kappa.openOk(AccountCalls.consumer());
        String iban = issue(kappa, id, "DE");
        BigDecimal before = balance(kappa, id);
        String txid = credit(kappa, id, iban, "25.50", "E2E-ONCE-1", "Invoice 42").then().statusCode(200)
                .body("body.iban", equalTo(iban)).body("body.status", equalTo("Executed"))
                .extract().path("body.txid");
        assertEquals(0, before.add(new BigDecimal("25.50")).compareTo(balance(kappa, id)));
        // the retry: same reference, same answer, no second credit
        credit(kappa, id, iban, "25.50", "E2E-ONCE-1", "Invoice 42").then().statusCode(200)
                .body("body.txid", equalTo(txid));
        assertEquals(0, before.add(new BigDecimal("25.50")).compareTo(balance(kappa, id)));
        // the same reference with other details is not the same credit
        credit(kappa, id, iban, "99.00", "E2E-ONCE-1", "Invoice 42").then().statusCode(400)
                .body("body.error.code", equalTo(4000210)).body("body.error.message", startsWith("end_to_end_id:"));
        assertEquals(0, before.add(new BigDecimal("25.50")).compareTo(balance(kappa, id)));
        // the account statement shows the IBAN on the line
        JsonPath st = kappa.get("/v1.0/accounts/" + id + "/statements").then().statusCode(200).extract().jsonPath();
        assertEquals(txid, st.getString("body.transactions[0].txid"));
        assertEquals(iban, st.getString("body.transactions[0].iban.iban"));
        assertEquals("Invoice 42", st.getString("body.transactions[0].iban.comment"));
        assertEquals("AGWYDEB1XXX", st.getString("body.transactions[0].iban.swift"));
        assertEquals("SEPA credit from Jean Dupont", st.getString("body.transactions[0].description"));
    }

    @Test
    void aCreditWhoseAnswersWereLostIsCreditedOnceByTheRetry() throws Exception {
        long id = kappa.openOk(AccountCalls.consumer());
        String iban = issue(kappa, id, "FR");
        BigDecimal before = balance(kappa, id);
        SimulatorHttp sim = new SimulatorHttp(ConfigProvider.getConfig().getValue("gateway.tx.url", String.class));
        try {
            // TX applies the credit and every answer is lost: the first attempt and the client's three retries
            sim.faults(Map.of("operation", "tran.fi2account", "dropAfterCommitRate", 1.0, "count", 4));
            credit(kappa, id, iban, "40.00", "E2E-LOST-1", "lost answers").then().statusCode(408)
                    .body("body.error.code", equalTo(4080010));
        } finally {
            sim.clearFaults();
        }
        assertEquals(0, before.add(new BigDecimal("40.00")).compareTo(balance(kappa, id)));
        // the partner retries: the journaled credit is sent again under its matchKey, TX answers the original
        String txid = credit(kappa, id, iban, "40.00", "E2E-LOST-1", "lost answers").then().statusCode(200)
                .extract().path("body.txid");
        credit(kappa, id, iban, "40.00", "E2E-LOST-1", "lost answers").then().statusCode(200)
                .body("body.txid", equalTo(txid));
        assertEquals(0, before.add(new BigDecimal("40.00")).compareTo(balance(kappa, id)));
        kappa.get("/v1.0/accounts/" + id + "/iban-statements").then().statusCode(200)
                .body("body.total_results", equalTo(1)).body("body.transactions[0].txid", equalTo(txid));
    }

    @Test
    void badIncomingCreditsNameTheParameter() {
        long id = kappa.openOk(AccountCalls.consumer());
        String iban = issue(kappa, id, "NL");
        String bad = iban.substring(0, 2) + (iban.charAt(2) == '9' ? '0' : '9') + iban.substring(3);
        credit(kappa, id, bad, "1.00", null, "").then().statusCode(400).body("body.error.message", startsWith("iban:"));
        credit(kappa, id, iban, "0", null, "").then().statusCode(400).body("body.error.message", startsWith("amount:"));
        credit(kappa, id, iban, "1.001", null, "").then().statusCode(400)
                .body("body.error.message", startsWith("amount:"));
        kappa.call().contentType(FORM).formParams(Map.of("iban", iban, "amount", "1.00"))
                .post("/v1.0/sandbox/accounts/" + id + "/incoming-credit").then().statusCode(400)
                .body("body.error.code", equalTo(4000210)).body("body.error.message", startsWith("debtor_name:"));
        credit(kappa, id, iban, "1.00", "x".repeat(36), "").then().statusCode(400)
                .body("body.error.message", startsWith("end_to_end_id:"));
        String vd = post(kappa, "/v1.0/accounts/" + id + "/virtual-ibans", Map.of("type", "D")).then()
                .statusCode(200).extract().path("body.iban");
        credit(kappa, id, vd, "1.00", null, "").then().statusCode(400).body("body.error.message", startsWith("iban:"));
    }

    @Test
    void ibanStatementsListTheIbanMovementsWithPaginationAndDateFilters() {
        long id = kappa.openOk(AccountCalls.business());
        String iban = issue(kappa, id, "FR");
        String virtualC = post(kappa, "/v1.0/accounts/" + id + "/virtual-ibans", Map.of("type", "C")).then()
                .statusCode(200).extract().path("body.iban");
        credit(kappa, id, iban, "10.00", "ST-1", "first").then().statusCode(200);
        credit(kappa, id, iban, "20.00", "ST-2", "second").then().statusCode(200);
        String last = credit(kappa, id, virtualC, "30.00", "ST-3", "third").then().statusCode(200)
                .extract().path("body.txid");
        String path = "/v1.0/accounts/" + id + "/iban-statements";
        JsonPath all = kappa.get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(3, all.getInt("body.total_results"));
        assertEquals(id, all.getLong("body.acc_id"));
        assertEquals(List.of("third", "second", "first"), all.getList("body.transactions.iban.comment"));
        assertEquals(last, all.getString("body.transactions[0].txid"));
        assertEquals(virtualC, all.getString("body.transactions[0].virtual_iban"));
        assertEquals(iban, all.getString("body.transactions[0].iban.iban"));
        assertEquals("", all.getString("body.transactions[1].virtual_iban"));
        assertEquals("C", all.getString("body.transactions[0].type"));
        assertEquals(0, new BigDecimal("30.00").compareTo(new BigDecimal(all.getString("body.transactions[0].amount"))));
        assertEquals(0, balance(kappa, id).compareTo(new BigDecimal(all.getString("body.transactions[0].balance"))));

        JsonPath page = kappa.get(path, Map.of("limit_start", 1, "limit_number", 1)).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(3, page.getInt("body.total_results"));
        assertEquals(List.of("second"), page.getList("body.transactions.iban.comment"));
        assertEquals(1, page.getInt("body.filters.limit_start"));

        String tomorrow = LocalDate.now().plusDays(2).toString();
        kappa.get(path, Map.of("date_start", tomorrow)).then().statusCode(200)
                .body("body.total_results", equalTo(0)).body("body.transactions", hasSize(0));
        kappa.get(path, Map.of("date_start", tomorrow, "date_end", "2020-01-01")).then().statusCode(400)
                .body("body.error.code", equalTo(4000050));
        kappa.get(path, Map.of("limit_number", "abc")).then().statusCode(400)
                .body("body.error.message", startsWith("limit_number:"));
        // an account without IBAN movements has an empty IBAN statement
        long other = kappa.openOk(AccountCalls.consumer());
        kappa.get("/v1.0/accounts/" + other + "/iban-statements").then().statusCode(200)
                .body("body.total_results", equalTo(0));
    }
}
