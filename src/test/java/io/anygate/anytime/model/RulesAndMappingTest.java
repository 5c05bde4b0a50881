package io.anygate.anytime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.cards.CardRules;
import io.anygate.anytime.cards.CardUpdateForm;
import io.anygate.anytime.forms.FormReader;
import io.anygate.anytime.forms.MultiRequestForm;
import io.anygate.anytime.transactions.CardTransaction;
import io.anygate.anytime.transactions.StatementLine;
import io.anygate.anytime.transactions.StatementTxid;
import io.anygate.anytime.transactions.TransactionMapper;
import io.anygate.domain.AccountId;
import io.anygate.domain.AccountType;
import io.anygate.domain.CardStatus;
import io.anygate.domain.CardType;
import io.anygate.domain.CoreTransaction;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RulesAndMappingTest {

    static void fails(AnytimeError code, Executable e) {
        assertEquals(code, assertThrows(AnytimeException.class, e).error());
    }

    @Test
    void virtualCardsAreForBusinessAccountsOnly() {
        fails(AnytimeError.CARD_ACCOUNT_CANNOT_ORDER_VIRTUAL_CARDS,
                () -> CardRules.checkOrder(AccountType.CONSUMER, CardType.VIRTUAL_MULTI_USE));
        fails(AnytimeError.CARD_ACCOUNT_CANNOT_ORDER_VIRTUAL_CARDS,
                () -> CardRules.checkOrder(AccountType.CONSUMER, CardType.VIRTUAL_SINGLE_USE));
        CardRules.checkOrder(AccountType.CONSUMER, CardType.PLASTIC);
        CardRules.checkOrder(AccountType.BUSINESS, CardType.VIRTUAL_SINGLE_USE);
    }

    @Test
    void cardUpdatesFollowTheStatusRules() {
        fails(AnytimeError.CARD_CANCELLED_NO_ACTION,
                () -> CardRules.checkUpdate(CardStatus.CAN, new CardUpdateForm(CardStatus.ACT, null, null, null)));
        fails(AnytimeError.CARD_CANCELLED_NO_ACTION,
                () -> CardRules.checkUpdate(CardStatus.LOS, new CardUpdateForm(null, true, null, null)));
        fails(AnytimeError.CARD_BAD_STATUS_UPDATE,
                () -> CardRules.checkUpdate(CardStatus.ACT, new CardUpdateForm(CardStatus.ORD, null, null, null)));
        fails(AnytimeError.CARD_NOT_ACTIVATED,
                () -> CardRules.checkUpdate(CardStatus.ORD, new CardUpdateForm(CardStatus.BLO, null, null, null)));
        fails(AnytimeError.CARD_NOT_ACTIVATED,
                () -> CardRules.checkUpdate(CardStatus.ORD, new CardUpdateForm(null, null, null, true)));
        assertFalse(CardRules.checkUpdate(CardStatus.ACT, new CardUpdateForm(CardStatus.BLO, null, null, null)));
        assertTrue(CardRules.checkUpdate(CardStatus.BLO, new CardUpdateForm(CardStatus.BLO, null, null, null)));
        assertFalse(CardRules.checkUpdate(CardStatus.ORD, new CardUpdateForm(CardStatus.ACT, null, null, null)));
    }

    @Test
    void moneyAndSecretsNeedAUsableCard() {
        fails(AnytimeError.CARD_NOT_ACTIVATED, () -> CardRules.checkUsable(CardStatus.ORD));
        fails(AnytimeError.CARD_CANCELLED_NO_ACTION, () -> CardRules.checkUsable(CardStatus.EXP));
        fails(AnytimeError.CARD_BAD_CARD_TYPE, () -> CardRules.checkVirtual(CardType.PLASTIC));
        CardRules.checkUsable(CardStatus.BLO);
        CardRules.checkVirtual(CardType.VIRTUAL_MULTI_USE);
    }

    static CoreTransaction tran(String result, boolean reversal, String lifePhase, Long src, Long dst) {
        return new CoreTransaction(799265548903L, LocalDateTime.of(2026, 1, 15, 12, 0), "Goods", reversal,
                lifePhase, new BigDecimal("98.3"), "EUR", new BigDecimal("106.15"), "USD", 5942,
                "FNAC DIRECT", result, src, dst);
    }

    @Test
    void statusAndTypeLettersFollowTheRules() {
        assertEquals("S", TransactionMapper.status(tran("Approved", false, "Presentment", 1L, null)));
        assertEquals("P", TransactionMapper.status(tran("Approved", false, "Authorization", 1L, null)));
        assertEquals("C", TransactionMapper.status(tran("Approved", true, null, null, 1L)));
        assertEquals("D", TransactionMapper.status(tran("Declined", false, null, 1L, null)));
        assertEquals("D", TransactionMapper.status(tran(null, true, null, 1L, null)));
        assertEquals("D", TransactionMapper.type(tran("Approved", false, null, 1L, 2L), 1L));
        assertEquals("C", TransactionMapper.type(tran("Approved", false, null, 1L, 2L), 2L));
        assertThrows(IllegalArgumentException.class,
                () -> TransactionMapper.type(tran("Approved", false, null, 1L, 2L), 3L));
    }

    @Test
    void aTxTransactionBecomesACardTransactionAndAStatementLine() {
        TransactionMapper m = new TransactionMapper(ZoneOffset.UTC);
        CardTransaction t = m.toCardTransaction(tran("Approved", false, null, 7L, null), 7L, new BigDecimal("1.70"),
                null);
        assertEquals(799265548903L, t.txid());
        assertEquals(5942, t.mcc());
        assertEquals(new BigDecimal("98.30"), t.amount());
        assertEquals(new BigDecimal("106.15"), t.amountFx());
        assertEquals("USD", t.currency());
        assertEquals(new BigDecimal("1.079858"), t.fx());
        assertEquals("S", t.status());
        assertEquals("D", t.type());
        assertEquals("2026-01-15 13:00:00", t.date());
        assertEquals("FNAC DIRECT", t.description());
        assertTrue(t.failedReason() == null);
        CardTransaction declined = m.toCardTransaction(tran("Declined", false, null, 7L, null), 7L, BigDecimal.ONE, null);
        assertEquals("TRS9999", declined.failedReason().code());
        StatementLine s = m.toStatementLine(tran("Approved", false, null, null, 9L), 9L, new BigDecimal("100.00"), null);
        assertEquals("799265548903", s.txid());
        assertEquals("C", s.type());
        assertEquals("EUR", s.currency());
        assertEquals(s.date(), s.executionDate());
        assertEquals(s.date(), s.executionDateSdk());
    }

    @Test
    void thePartnersCommentIsTheDescriptionWhenItGaveOne() {
        TransactionMapper m = new TransactionMapper(ZoneOffset.UTC);
        assertEquals("Top-up order 1234", m.toCardTransaction(tran("Approved", false, null, 7L, null), 7L,
                BigDecimal.ONE, "Top-up order 1234").description());
        assertEquals("Payroll", m.toStatementLine(tran("Approved", false, null, null, 9L), 9L, BigDecimal.ONE,
                "Payroll").description());
        // No comment, or a blank one: the description TX gives (terminal name, else the kind).
        assertEquals("FNAC DIRECT", m.toCardTransaction(tran("Approved", false, null, 7L, null), 7L, BigDecimal.ONE,
                " ").description());
        assertEquals("FNAC DIRECT", m.toStatementLine(tran("Approved", false, null, null, 9L), 9L, BigDecimal.ONE,
                null).description());
    }

    @Test
    void statementTxidsComeBareOrPrefixedByTheAccount() {
        AccountId acc = AccountId.ofTxContract(4680);
        assertEquals(799265548903L, StatementTxid.parse("799265548903", acc));
        assertEquals(799265548903L, StatementTxid.parse("4680-799265548903", acc));
        fails(AnytimeError.ACCOUNT_INVALID_PARAMETER, () -> StatementTxid.parse("4681-799265548903", acc));
        fails(AnytimeError.ACCOUNT_INVALID_PARAMETER, () -> StatementTxid.parse("abc", acc));
        fails(AnytimeError.ACCOUNT_INVALID_PARAMETER, () -> StatementTxid.parse("4680-", acc));
    }

    @Test
    void multiRequestsParseFromThePhpNestedForm() {
        FormReader errors = FormReader.of(Map.of(), AnytimeError.CARD_INVALID_PARAMETER);
        List<MultiRequestForm.SubRequest> r = MultiRequestForm.parse(Map.of(
                "requests[1][uri]", "/v1.0/accounts/4680/balance", "requests[1][method]", "GET",
                "requests[0][uri]", "/v1.0/cards/ANY0000001000/credit", "requests[0][method]", "POST",
                "requests[0][params][amount]", "10", "requests[0][query_string]", ""), errors);
        assertEquals(2, r.size());
        assertEquals("POST", r.get(0).method());
        assertEquals(Map.of("amount", "10"), r.get(0).params());
        assertEquals("/v1.0/accounts/4680/balance", r.get(1).uri());
        assertEquals("", r.get(1).queryString());
        fails(AnytimeError.CARD_INVALID_PARAMETER, () -> MultiRequestForm.parse(Map.of(), errors));
        fails(AnytimeError.CARD_INVALID_PARAMETER, () -> MultiRequestForm.parse(Map.of(
                "requests[0][uri]", "/v1.0/accounts", "requests[0][method]", "DELETE"), errors));
        // an index with params only still counts (and still needs its method)
        fails(AnytimeError.CARD_INVALID_PARAMETER, () -> MultiRequestForm.parse(Map.of(
                "requests[0][uri]", "/v1.0/accounts", "requests[0][method]", "GET",
                "requests[1][params][amount]", "1"), errors));
        // the uri is not judged here: a nested multi-request or an unknown route is answered in its slot
        assertEquals("/v1.0/multi-request", MultiRequestForm.parse(Map.of(
                "requests[0][uri]", "/v1.0/multi-request", "requests[0][method]", "post"), errors).get(0).uri());
    }
}
