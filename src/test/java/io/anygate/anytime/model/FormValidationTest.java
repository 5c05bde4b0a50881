package io.anygate.anytime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.accounts.AccountCreationForm;
import io.anygate.anytime.accounts.AccountUpdateForm;
import io.anygate.anytime.cards.CardMoneyForm;
import io.anygate.anytime.cards.CardOrderForm;
import io.anygate.anytime.cards.CardServiceForms;
import io.anygate.anytime.cards.CardUpdateForm;
import io.anygate.anytime.forms.FormReader;
import io.anygate.anytime.forms.ListFilters;
import io.anygate.domain.AccountType;
import io.anygate.domain.CardRef;
import io.anygate.domain.CardStatus;
import io.anygate.domain.CardType;
import io.anygate.domain.Corporation;
import io.anygate.domain.Gender;
import io.anygate.domain.Person;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every validator rejects each bad parameter with the endpoint's code and a message naming the parameter. */
class FormValidationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static final AnytimeError ACC = AnytimeError.ACCOUNT_INVALID_PARAMETER;
    static final AnytimeError CARD = AnytimeError.CARD_INVALID_PARAMETER;

    static Map<String, String> account() {
        Map<String, String> p = new HashMap<>();
        p.put("acc_type", "business");
        p.put("acc_currency", "EUR");
        p.put("user_gender", "M");
        p.put("user_first_name", "Jean");
        p.put("user_last_name", "Dupont");
        p.put("user_dob", "1980-04-12");
        p.put("user_pob", "Lyon");
        p.put("user_email", "jean.dupont@example.com");
        p.put("user_mobile_number", "33600000000");
        p.put("user_addr_line_1", "1 rue de la Paix");
        p.put("user_addr_zip", "75002");
        p.put("user_addr_city", "Paris");
        p.put("user_addr_cc", "fr");
        p.put("user_nationality", "FR");
        p.put("corp_name", "ACME SA");
        p.put("corp_addr_line_1", "2 avenue Louise");
        p.put("corp_addr_zip", "1050");
        p.put("corp_addr_city", "Bruxelles");
        p.put("corp_addr_cc", "be");
        return p;
    }

    static Map<String, String> order() {
        Map<String, String> p = new HashMap<>();
        p.put("acc_id", "4680");
        p.put("card_name", "Jean Dupont");
        p.put("card_type", "PLASTIC");
        p.put("expiry_date", "2029-04-30");
        p.put("amount", "25.50");
        p.put("language", "fr");
        p.put("delivery_gender", "M");
        p.put("delivery_first_name", "Jean");
        p.put("delivery_last_name", "Dupont");
        p.put("delivery_addr_1", "1 rue de la Paix");
        p.put("delivery_zip", "75002");
        p.put("delivery_city", "Paris");
        p.put("delivery_cc", "fr");
        return p;
    }

    static void rejects(AnytimeError code, String param, Map<String, String> params,
            Consumer<FormReader> parser) {
        AnytimeException e = assertThrows(AnytimeException.class, () -> parser.accept(FormReader.of(params, code)));
        assertEquals(code, e.error());
        assertTrue(e.getMessage().startsWith(param + ": "), e.getMessage());
    }

    static Map<String, String> with(Map<String, String> base, String name, String value) {
        if ("<absent>".equals(value)) {
            base.remove(name);
        } else {
            base.put(name, value);
        }
        return base;
    }

    @Test
    void aCompleteAccountCreationParses() {
        AccountCreationForm f = AccountCreationForm.parse(AccountCreationForm.reader(account()), TODAY);
        assertEquals(AccountType.BUSINESS, f.type());
        assertEquals(Currency.getInstance("EUR"), f.currency());
        assertEquals(Gender.MALE, f.holder().gender());
        assertEquals(250, f.holder().address().country().numeric());
        assertEquals("", f.holder().address().line2());
        assertEquals("BE", f.corporation().address().country().alpha2());
        Map<String, String> consumer = account();
        consumer.put("acc_type", "consumer");
        assertNull(AccountCreationForm.parse(AccountCreationForm.reader(consumer), TODAY).corporation());
    }

    @ParameterizedTest
    @CsvSource({
        "acc_type,<absent>", "acc_type,personal", "acc_currency,<absent>", "acc_currency,EURO", "acc_currency,XAU",
        "user_gender,<absent>", "user_gender,X", "user_first_name,<absent>", "user_first_name,' '",
        "user_last_name,<absent>", "user_dob,<absent>", "user_dob,12/04/1980", "user_dob,1980-02-30",
        "user_dob,2027-01-01", "user_dob,1850-01-01", "user_pob,<absent>", "user_email,<absent>",
        "user_email,jean.example.com", "user_mobile_number,<absent>", "user_mobile_number,06-00-00",
        "user_mobile_number,33abc", "user_addr_line_1,<absent>", "user_addr_zip,<absent>",
        "user_addr_zip,12345678901234567", "user_addr_city,<absent>", "user_addr_cc,<absent>", "user_addr_cc,FRA",
        "user_addr_cc,xx", "user_nationality,<absent>", "user_nationality,ZZ", "corp_name,<absent>",
        "corp_addr_zip,<absent>", "corp_addr_cc,BEL"})
    void accountCreationRejectsEachBadParameter(String param, String value) {
        rejects(ACC, param, with(account(), param, value), f -> AccountCreationForm.parse(f, TODAY));
    }

    @Test
    void anUpdateIsPartialAndKeepsWhatIsNotSent() {
        Map<String, String> p = new HashMap<>(Map.of("user_email", "new@example.com", "user_addr_city", "Lille"));
        AccountUpdateForm f = AccountUpdateForm.parse(AccountCreationForm.reader(p), TODAY);
        Person before = AccountCreationForm.parse(AccountCreationForm.reader(account()), TODAY).holder();
        Person after = f.applyTo(before);
        assertEquals("new@example.com", after.email());
        assertEquals("Lille", after.address().city());
        assertEquals(before.address().zip(), after.address().zip());
        assertEquals(before.firstName(), after.firstName());
        f.checkCurrency(Currency.getInstance("EUR"));
        Corporation c = new Corporation("ACME", "", "", "", "", null);
        assertEquals(c, f.applyTo(c));
    }

    @ParameterizedTest
    @CsvSource({"user_gender,Z", "user_dob,1980-13-01", "user_email,@", "user_addr_cc,france", "acc_currency,EU",
        "corp_addr_cc,QQ"})
    void accountUpdateRejectsEachBadParameter(String param, String value) {
        rejects(ACC, param, new HashMap<>(Map.of(param, value)), f -> AccountUpdateForm.parse(f, TODAY));
    }

    @Test
    void anUpdateCannotChangeTheCurrency() {
        AccountUpdateForm f = AccountUpdateForm.parse(
                AccountCreationForm.reader(new HashMap<>(Map.of("acc_currency", "USD"))), TODAY);
        AnytimeException e = assertThrows(AnytimeException.class, () -> f.checkCurrency(Currency.getInstance("EUR")));
        assertTrue(e.getMessage().startsWith("acc_currency: "));
    }

    @Test
    void aCompleteCardOrderParses() {
        CardOrderForm f = CardOrderForm.parse(CardOrderForm.reader(order()), TODAY);
        assertEquals(4680, f.account().value());
        assertEquals(CardType.PLASTIC, f.type());
        assertEquals(new BigDecimal("25.50"), f.amount());
        assertEquals("FR", f.delivery().address().country().alpha2());
        Map<String, String> virtual = new HashMap<>(Map.of("acc_id", "4680", "card_name", "ACME", "card_type",
                "VIRTUAL_SINGLE_USE", "expiry_date", "2027-01-31", "amount", "10"));
        CardOrderForm v = CardOrderForm.parse(CardOrderForm.reader(virtual), TODAY);
        assertNull(v.delivery());
        Map<String, String> noType = order();
        noType.remove("card_type");
        assertEquals(CardType.PLASTIC, CardOrderForm.parse(CardOrderForm.reader(noType), TODAY).type());
    }

    @ParameterizedTest
    @CsvSource({
        "acc_id,<absent>", "acc_id,abc", "acc_id,0", "acc_id,-4", "card_name,<absent>",
        "card_name,ABCDEFGHIJKLMNOPQRSTUVWXYZA", "card_name,Jean<script>", "card_type,plastic", "card_type,GOLD",
        "expiry_date,<absent>", "expiry_date,2029-02-30", "expiry_date,2026-05-01", "expiry_date,2035-01-01",
        "amount,<absent>", "amount,0", "amount,-5", "amount,abc", "amount,1e3", "amount,'10,5'", "language,<absent>",
        "language,de", "delivery_gender,<absent>", "delivery_gender,W", "delivery_first_name,<absent>",
        "delivery_last_name,<absent>", "delivery_addr_1,<absent>", "delivery_zip,<absent>",
        "delivery_city,<absent>", "delivery_cc,<absent>", "delivery_cc,FRA"})
    void cardOrderRejectsEachBadParameter(String param, String value) {
        rejects(CARD, param, with(order(), param, value), f -> CardOrderForm.parse(f, TODAY));
    }

    @Test
    void cardUpdateParsesEachOption() {
        CardRef ref = CardRef.ofTxCard(1000);
        CardUpdateForm f = CardUpdateForm.parse(FormReader.of(Map.of("card_ref", "ANY0000001000",
                "card_status", "blo", "card_pos", "0", "card_atm", "1", "card_renew", "1"), CARD), ref);
        assertEquals(new CardUpdateForm(CardStatus.BLO, false, true, true), f);
        assertEquals(new CardUpdateForm(null, null, true, null),
                CardUpdateForm.parse(FormReader.of(Map.of("card_atm", "1"), CARD), ref));
    }

    @ParameterizedTest
    @CsvSource({"card_status,XYZ", "card_pos,2", "card_pos,true", "card_atm,yes", "card_renew,-1",
        "card_ref,ANY0000009999"})
    void cardUpdateRejectsEachBadParameter(String param, String value) {
        rejects(CARD, param, new HashMap<>(Map.of(param, value)),
                f -> CardUpdateForm.parse(f, CardRef.ofTxCard(1000)));
    }

    @Test
    void cardUpdateNeedsSomethingToDo() {
        rejects(CARD, "card_status", new HashMap<>(), f -> CardUpdateForm.parse(f, CardRef.ofTxCard(1000)));
    }

    @Test
    void creditAndDebitAmountsAreCheckedAgainstTheCurrency() {
        FormReader r = FormReader.of(Map.of("amount", "10.5"), CARD);
        CardMoneyForm f = CardMoneyForm.parse(r);
        assertEquals("", f.accComment());
        assertEquals(new BigDecimal("10.50"), f.amountIn(Currency.getInstance("EUR"), r));
        AnytimeException e = assertThrows(AnytimeException.class,
                () -> f.amountIn(Currency.getInstance("JPY"), r));
        assertTrue(e.getMessage().startsWith("amount: "));
    }

    @ParameterizedTest
    @CsvSource({"amount,<absent>", "amount,0.00", "amount,-1", "amount,ten", "acc_comment,<long>",
        "card_comment,<long>"})
    void creditAndDebitRejectEachBadParameter(String param, String value) {
        Map<String, String> p = new HashMap<>(Map.of("amount", "10"));
        with(p, param, "<long>".equals(value) ? "x".repeat(256) : value);
        rejects(CARD, param, p, CardMoneyForm::parse);
    }

    @ParameterizedTest
    @CsvSource({"limit_start,-1", "limit_start,a", "limit_start,1.5", "limit_number,0", "limit_number,1001",
        "limit_number,x", "date_start,2016-13-01", "date_end,01/01/2016"})
    void listFiltersRejectEachBadParameter(String param, String value) {
        rejects(ACC, param, new HashMap<>(Map.of(param, value)), ListFilters::parseDated);
        rejects(CARD, param, new HashMap<>(Map.of(param, value)), ListFilters::parseDated);
    }

    @Test
    void listFiltersDefaultAndMapOntoTxPaging() {
        ListFilters f = ListFilters.parseDated(FormReader.of(Map.of(), ACC));
        assertEquals(0, f.txOffset());
        assertEquals(50, f.txLimit());
        assertNull(f.startDay());
        ListFilters g = ListFilters.parseDated(FormReader.of(Map.of("limit_start", "100", "limit_number", "10",
                "date_start", "2016-01-01", "date_end", "2016-01-01", "ignored", "x"), ACC));
        assertEquals(100, g.txOffset());
        assertEquals(10, g.txLimit());
        assertEquals(LocalDate.of(2016, 1, 1), g.endDay());
        ListFilters empty = ListFilters.parseLimits(FormReader.of(Map.of("limit_start", "", "limit_number", ""), ACC));
        assertEquals(50, empty.limitNumber());
    }

    @Test
    void aStartAfterTheEndIsItsOwnError() {
        AnytimeException e = assertThrows(AnytimeException.class, () -> ListFilters.parseDated(FormReader.of(
                Map.of("date_start", "2016-02-01", "date_end", "2016-01-31"), CARD)));
        assertEquals(AnytimeError.DATE_START_GREATER_THAN_DATE_END, e.error());
        assertEquals(4000050, e.error().code());
    }

    @ParameterizedTest
    @CsvSource({"cvc,<absent>", "cvc,12", "cvc,abcd"})
    void pinRequestsNeedACvc(String param, String value) {
        rejects(CARD, param, with(new HashMap<>(), param, value), CardServiceForms::cvc);
        assertEquals("000", CardServiceForms.cvc(FormReader.of(Map.of("cvc", "000"), CARD)));
    }

    @ParameterizedTest
    @CsvSource({"dest_method,<absent>,x", "dest_method,fax,1", "dest_value,email,not-an-email",
        "dest_value,sms,+33 6", "dest_value,<skip>,<absent>"})
    void panSendingNeedsAValidDestination(String param, String method, String value) {
        Map<String, String> p = new HashMap<>(Map.of("dest_method", "email", "dest_value", "a@b.fr"));
        if (!"<skip>".equals(method)) {
            with(p, "dest_method", method);
        }
        if (param.equals("dest_value")) {
            with(p, "dest_value", value);
        }
        rejects(CARD, param, p, CardServiceForms::destination);
    }

    @Test
    void detailsDisplayNeedsAnIp() {
        assertEquals("203.0.113.7",
                CardServiceForms.ip(FormReader.of(Map.of("ip", "203.0.113.7"), CARD)).getHostAddress());
        assertEquals("2001:db8:0:0:0:0:0:1",
                CardServiceForms.ip(FormReader.of(Map.of("ip", "2001:db8::1"), CARD)).getHostAddress());
        for (String bad : new String[] {"300.1.1.1", ":::", "10.0.0.0/8", "example.com", "fe80::1%eth0"}) {
            rejects(CARD, "ip", new HashMap<>(Map.of("ip", bad)), CardServiceForms::ip);
        }
        rejects(CARD, "ip", new HashMap<>(), CardServiceForms::ip);
    }
}
