package io.anygate.anytime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.anygate.anytime.accounts.AccountBalance;
import io.anygate.anytime.accounts.AccountIban;
import io.anygate.anytime.accounts.AccountInfo;
import io.anygate.anytime.accounts.AccountList;
import io.anygate.anytime.accounts.AccountSummary;
import io.anygate.anytime.cards.AccountCard;
import io.anygate.anytime.cards.AccountCardList;
import io.anygate.anytime.cards.CardInfo;
import io.anygate.anytime.cards.CardMoneyAnswer;
import io.anygate.anytime.cards.CardOrdered;
import io.anygate.anytime.cards.CardSecrets;
import io.anygate.anytime.cards.CardUpdated;
import io.anygate.anytime.cards.UnlinkedCardList;
import io.anygate.anytime.forms.ListFilters;
import io.anygate.anytime.transactions.CardTransaction;
import io.anygate.anytime.transactions.CardTransactionList;
import io.anygate.anytime.transactions.StatementLine;
import io.anygate.anytime.transactions.StatementList;
import io.anygate.anytime.transactions.TransactionMapper;
import io.anygate.domain.AccountId;
import io.anygate.domain.AccountType;
import io.anygate.domain.Address;
import io.anygate.domain.Card;
import io.anygate.domain.CardRef;
import io.anygate.domain.CardRestrictions;
import io.anygate.domain.CardStatus;
import io.anygate.domain.CardType;
import io.anygate.domain.CoreTransaction;
import io.anygate.domain.Country;
import io.anygate.domain.Gender;
import io.anygate.domain.Person;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each answer serializes with exactly the field names of the document (plus the SDK's aliases) and their types. */
class AnswerJsonTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeType S = JsonNodeType.STRING;
    static final JsonNodeType N = JsonNodeType.NUMBER;
    static final JsonNodeType B = JsonNodeType.BOOLEAN;
    static final JsonNodeType O = JsonNodeType.OBJECT;
    static final JsonNodeType A = JsonNodeType.ARRAY;
    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    static final Person HOLDER = new Person(Gender.FEMALE, "Anne", "Martin", LocalDate.of(1985, 3, 2), "Nantes",
            "anne@example.com", "33600000000", new Address("1 rue A", "", "44000", "Nantes",
            Country.fromAlpha2("FR").orElseThrow()), Country.fromAlpha2("FR").orElseThrow());
    static final Card CARD = new Card(CardRef.ofTxCard(1000), AccountId.ofTxContract(4680), CardType.PLASTIC,
            CardStatus.ACT, LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 12), LocalDate.of(2029, 1, 31),
            new CardRestrictions(true, false), "ANNE MARTIN", HOLDER, 5001);

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode tree(Object o) {
        return JSON.valueToTree(o);
    }

    /** Asserts the object has exactly these fields, in any order, with these JSON types. */
    static void shape(JsonNode node, Object... nameTypes) {
        Map<String, JsonNodeType> expected = new LinkedHashMap<>();
        for (int i = 0; i < nameTypes.length; i += 2) {
            expected.put((String) nameTypes[i], (JsonNodeType) nameTypes[i + 1]);
        }
        List<String> actual = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(actual::add);
        assertEquals(expected.keySet().stream().sorted().toList(), actual.stream().sorted().toList());
        expected.forEach((k, t) -> assertEquals(t, node.get(k).getNodeType(), k));
    }

    @Test
    void accountAnswers() {
        ListFilters limits = new ListFilters(null, null, 0, 50);
        JsonNode list = tree(new AccountList(limits, 1, List.of(new AccountSummary(4680, "consumer"))));
        shape(list, "filters", O, "total_results", N, "accounts", A);
        shape(list.get("filters"), "limit_start", N, "limit_number", N);
        shape(list.get("accounts").get(0), "acc_id", N, "acc_type", S);
        shape(tree(new AccountBalance(4680, new BigDecimal("12.30"))), "acc_id", N, "balance", N);
        assertTrue(write(new AccountBalance(4680, new BigDecimal("12.30"))).contains("\"balance\":12.30"));

        JsonNode info = tree(AccountInfo.of(AccountId.ofTxContract(4680), AccountType.CONSUMER,
                Currency.getInstance("EUR"), HOLDER, null, AccountIban.NONE, List.of()));
        shape(info, "acc_id", N, "acc_type", S, "acc_currency", S, "corp_name", S, "corp_regnum", S, "corp_type", S,
                "corp_activity", S, "corp_tva", S, "corp_addr_1", S, "corp_addr_2", S, "corp_zip", S, "corp_city", S,
                "corp_cc", S, "user_gender", S, "user_first_name", S, "user_last_name", S, "user_dob", S,
                "user_pob", S, "user_email", S, "user_mobile_number", S, "user_addr_1", S, "user_addr_2", S,
                "user_addr_zip", S, "user_addr_city", S, "user_addr_cc", S, "user_nationality", S, "iban", O,
                "virtual_ibans", A);
        shape(info.get("iban"), "iban", S, "swift", S);
        assertEquals("1985-03-02", info.get("user_dob").asText());
        assertEquals("F", info.get("user_gender").asText());
        assertEquals("fr", info.get("user_addr_cc").asText());
    }

    @Test
    void cardAnswers() {
        JsonNode item = tree(AccountCard.of(CARD, new BigDecimal("20.00"), TODAY));
        shape(item, "card_ref", S, "card_type", S, "status", S, "activation_date", S, "balance", N,
                "expiry_date", S, "atm", N, "pos", N, "card_holder", O, "card_name", O);
        shape(item.get("card_holder"), "gender", S, "first_name", S, "last_name", S);
        shape(item.get("card_name"), "first_name", S, "last_name", S, "embossed", S);
        assertEquals(0, item.get("atm").asInt());
        assertEquals("ANY0000001000", item.get("card_ref").asText());
        shape(tree(new AccountCardList(new ListFilters(null, null, 0, 50), 4680, 1, List.of())),
                "filters", O, "acc_id", N, "total_results", N, "cards", A);

        JsonNode info = tree(CardInfo.of(CARD, new BigDecimal("20.00"), TODAY));
        shape(info, "acc_id", N, "card_type", S, "card_ref", S, "activation_date", S, "balance", N,
                "validity_month", N, "expiry_date", S, "status", S, "pos", B, "atm", B, "card_holder", O,
                "card_name", O);
        assertEquals(36, info.get("validity_month").asInt());
        assertEquals("ACT", info.get("status").asText());
        assertEquals("2026-01-12", info.get("activation_date").asText());

        shape(tree(new CardUpdated("ANY0000001000", "BLO", 1, 0, 0)), "card_ref", S, "status", S, "pos", N,
                "atm", N, "renew", N);
        shape(tree(new CardOrdered(1000, CardOrdered.ORDER_COMPLETE, "ANY0000001000")), "order_id", N,
                "order_status", N, "card_ref", S);
        shape(tree(CardMoneyAnswer.of("ANY0000001000", 4680, 77L)), "card_ref", S, "acc_id", N, "card_acc_id", N,
                "transaction_id", N);
        shape(tree(CardMoneyAnswer.of("ANY0000001000", 4680, null)), "card_ref", S, "acc_id", N, "card_acc_id", N);
        JsonNode unlinked = tree(new UnlinkedCardList(new ListFilters(null, null, 0, 50), 1,
                List.of(new UnlinkedCardList.Item("ANY0000001001"))));
        shape(unlinked, "filters", O, "total_results", N, "cards", A);
        shape(unlinked.get("cards").get(0), "card_ref", S);
    }

    @Test
    void cardServiceAnswers() {
        shape(tree(new CardSecrets.Pin("1234", "")), "pin", S, "pin_url", S);
        shape(tree(new CardSecrets.Pan("", "", "2029-01-31", "4111111111111111", "123")), "front", S, "back", S,
                "expiry_date", S, "pan", S, "cvv", S);
        shape(tree(new CardSecrets.PinSent(4680, "ANY0000001000")), "acc_id", N, "card_ref", S);
        shape(tree(new CardSecrets.PanSent("sent")), "state", S);
        shape(tree(new CardSecrets.DetailsLink("https://x")), "temp_link", S);
        assertTrue(!new CardSecrets.Pin("1234", "").toString().contains("1234"));
    }

    @Test
    void transactionAndStatementAnswers() {
        TransactionMapper m = new TransactionMapper(ZoneOffset.UTC);
        CoreTransaction t = new CoreTransaction(11111111111L, LocalDateTime.of(2026, 2, 2, 13, 14, 48), "Goods",
                false, null, new BigDecimal("98.32"), "EUR", null, null, 5942, "FNAC", "Approved", 5001L, null);
        JsonNode tx = tree(m.toCardTransaction(t, 5001L, new BigDecimal("0.00"), null));
        shape(tx, "txid", N, "mcc", N, "amount", N, "amount_fx", N, "currency", S, "fx", N, "fx_fee", N,
                "vat_details", A, "failed_reason", A, "status", S, "type", S, "balance_after", N, "date", S,
                "date_transaction", S, "description", S);
        assertEquals("2026-02-02 14:14:48", tx.get("date").asText());
        assertTrue(write(m.toCardTransaction(t, 5001L, BigDecimal.ZERO, null)).contains("\"fx\":1.000000"));
        // a declined one: failed_reason is one object {code, message}, as the official SDK hydrates it
        CoreTransaction declined = new CoreTransaction(11111111112L, LocalDateTime.of(2026, 2, 2, 13, 14, 48), "Goods",
                false, null, new BigDecimal("98.32"), "EUR", null, null, 5942, "FNAC", "INSUFFICIENT_FUNDS", 5001L, null);
        JsonNode failed = tree(m.toCardTransaction(declined, 5001L, BigDecimal.ZERO, null)).get("failed_reason");
        shape(failed, "code", S, "message", S);
        assertEquals("TRS0010", failed.get("code").asText());
        shape(tree(new CardTransactionList(new ListFilters("2026-01-01", "2026-01-31", 0, 50), "ANY0000001000",
                4680, 1, List.of())), "filters", O, "card_ref", S, "acc_id", N, "total_results", N,
                "transactions", A);
        shape(tree(new ListFilters("2026-01-01", "2026-01-31", 0, 50)), "date_start", S, "date_end", S,
                "limit_start", N, "limit_number", N);

        StatementLine line = m.toStatementLine(t, 5001L, new BigDecimal("10.00"), null);
        shape(tree(line), "txid", S, "description", S, "date", S, "amount", N, "type", S, "balance", N,
                "currency", S, "iban", A, "virtual_iban", S, "status", S, "executionDate", S, "execution_date", S);
        shape(tree(new StatementList(4680, "consumer", 1, List.of(line), new ListFilters(null, null, 0, 50))),
                "acc_id", N, "acc_type", S, "total_results", N, "transactions", A, "filters", O);
    }
}
