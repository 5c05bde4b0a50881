package io.anygate.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TranslationTablesTest {

    @Test
    void everyCountryRoundTripsBetweenAlpha2AndNumeric() {
        assertEquals(249, Country.all().size());
        Set<Integer> numerics = new HashSet<>();
        for (Country c : Country.all()) {
            assertEquals(c, Country.fromNumeric(c.numeric()).orElseThrow(), c.alpha2());
            assertEquals(c, Country.fromAlpha2(c.alpha2()).orElseThrow());
            assertEquals(c, Country.fromAlpha2(c.alpha2().toLowerCase(Locale.ROOT)).orElseThrow());
            assertTrue(numerics.add(c.numeric()), "numeric codes are unique");
        }
        assertEquals(250, Country.fromAlpha2("fr").orElseThrow().numeric());
        assertEquals(276, Country.fromAlpha2("DE").orElseThrow().numeric());
        assertEquals(840, Country.fromAlpha2("US").orElseThrow().numeric());
        assertEquals("BE", Country.fromNumeric(56).orElseThrow().alpha2());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "F", "FRA", "XX", "xx", "1A", "ZZ"})
    void unknownCountriesAreRejected(String code) {
        assertTrue(Country.fromAlpha2(code).isEmpty());
    }

    @Test
    void unassignedNumericCodesAreRejected() {
        assertTrue(Country.fromNumeric(0).isEmpty());
        assertTrue(Country.fromNumeric(999).isEmpty());
        assertTrue(Country.fromAlpha2(null).isEmpty());
    }

    @Test
    void everyMoneyCurrencyRoundTripsWithItsMinorUnits() {
        assertTrue(CurrencyUnits.all().size() > 150);
        for (Currency c : CurrencyUnits.all()) {
            assertEquals(c, CurrencyUnits.of(c.getCurrencyCode()).orElseThrow());
            assertEquals(c, CurrencyUnits.ofAnyCase(c.getCurrencyCode().toLowerCase(Locale.ROOT)).orElseThrow());
            assertEquals(c.getDefaultFractionDigits(), CurrencyUnits.minorUnits(c));
            assertTrue(CurrencyUnits.minorUnits(c) >= 0);
        }
        assertEquals(2, CurrencyUnits.minorUnits(Currency.getInstance("EUR")));
        assertEquals(0, CurrencyUnits.minorUnits(Currency.getInstance("JPY")));
        assertEquals(3, CurrencyUnits.minorUnits(Currency.getInstance("KWD")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EU", "EURO", "eur", "ABC", "XAU", "XXX", "12A"})
    void nonMoneyCurrenciesAreRejectedByTheStrictReader(String code) {
        assertTrue(CurrencyUnits.of(code).isEmpty());
    }

    @Test
    void amountsMustFitTheMinorUnits() {
        Currency eur = Currency.getInstance("EUR");
        Currency jpy = Currency.getInstance("JPY");
        assertTrue(CurrencyUnits.fitsMinorUnits(new BigDecimal("10.50"), eur));
        assertTrue(CurrencyUnits.fitsMinorUnits(new BigDecimal("10.500"), eur));
        assertFalse(CurrencyUnits.fitsMinorUnits(new BigDecimal("10.505"), eur));
        assertTrue(CurrencyUnits.fitsMinorUnits(new BigDecimal("100"), jpy));
        assertFalse(CurrencyUnits.fitsMinorUnits(new BigDecimal("100.5"), jpy));
        assertEquals("10.50", CurrencyUnits.scaled(new BigDecimal("10.5"), eur).toPlainString());
    }

    @ParameterizedTest
    @EnumSource(Gender.class)
    void gendersRoundTrip(Gender g) {
        assertEquals(g, Gender.fromAnytime(g.anytimeCode()).orElseThrow());
        assertEquals(g, Gender.fromAnytime(g.anytimeCode().toLowerCase(Locale.ROOT)).orElseThrow());
        assertEquals(g, Gender.fromTx(g.txValue()).orElseThrow());
        assertEquals(g, Gender.fromTx(g.anytimeCode()).orElseThrow());
        assertTrue(Gender.fromAnytime("X").isEmpty());
        assertTrue(Gender.fromTx("Other").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(AccountType.class)
    void accountTypesRoundTrip(AccountType t) {
        assertEquals(t, AccountType.fromAnytime(t.anytimeCode()).orElseThrow());
        assertEquals(t == AccountType.BUSINESS ? "Corporation" : "Person", t.txSubjectKind());
        assertTrue(AccountType.fromAnytime("company").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(CardType.class)
    void cardTypesRoundTripThroughTheirTxRecord(CardType t) {
        assertEquals(t, CardType.fromAnytime(t.name()).orElseThrow());
        assertEquals(t, CardType.fromTx(t.defaultProductRid(), t.name()));
        assertEquals(t.isVirtual() ? "CP-VIRTUAL" : "CP-PHYSICAL", t.defaultProductRid());
    }

    @Test
    void aCardWithoutRecordedTypeReadsFromItsProduct() {
        assertEquals(CardType.PLASTIC, CardType.fromTx("CP-PHYSICAL", null));
        assertEquals(CardType.VIRTUAL_MULTI_USE, CardType.fromTx("CP-VIRTUAL", null));
        assertTrue(CardType.fromAnytime("plastic").isEmpty());
    }

    @Test
    void everyRestrictionCombinationRoundTrips() {
        Set<String> rids = new HashSet<>();
        for (boolean pos : new boolean[] {true, false}) {
            for (boolean atm : new boolean[] {true, false}) {
                CardRestrictions r = new CardRestrictions(pos, atm);
                assertEquals(r, CardRestrictions.fromRid(r.rid()).orElseThrow());
                rids.add(r.rid());
            }
        }
        assertEquals(Set.of("RP-ALL", "RP-NO-POS", "RP-NO-ATM", "RP-NO-POS-ATM"), rids);
        assertEquals("RP-NO-ATM", new CardRestrictions(true, false).rid());
        assertTrue(CardRestrictions.fromRid("RP-OTHER").isEmpty());
        assertEquals(new CardRestrictions(false, true), CardRestrictions.ALL.with(false, null));
        assertEquals(CardRestrictions.ALL, CardRestrictions.ALL.with(null, null));
    }

    @Test
    void cardRefsAreReversible() {
        for (long id : new long[] {1, 1000, 123_456_789, CardRef.MAX_ID}) {
            CardRef ref = CardRef.ofTxCard(id);
            assertEquals(13, ref.value().length());
            assertEquals(Optional.of(ref), CardRef.parse(ref.value()));
        }
        assertEquals("ANY0000001000", CardRef.ofTxCard(1000).value());
        assertThrows(IllegalArgumentException.class, () -> CardRef.ofTxCard(0));
        assertThrows(IllegalArgumentException.class, () -> CardRef.ofTxCard(CardRef.MAX_ID + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ANY", "ANY0000000000", "ANY000000100", "ANY00000010000", "any0000001000",
            "ABC0000001000", "ANY00000010a0", "ANY-000001000", " ANY0000001000"})
    void malformedCardRefsAreRejected(String text) {
        assertTrue(CardRef.parse(text).isEmpty());
    }

    @Test
    void accountIdsAreReversible() {
        for (long id : new long[] {1, 4680, Integer.MAX_VALUE + 1L, AccountId.MAX_ID}) {
            assertEquals(Optional.of(AccountId.ofTxContract(id)), AccountId.parse(Long.toString(id)));
        }
        assertThrows(IllegalArgumentException.class, () -> AccountId.ofTxContract(0));
        assertThrows(IllegalArgumentException.class, () -> AccountId.ofTxContract(AccountId.MAX_ID + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "+5", "007", "12a", "1.0", "9007199254740992", "99999999999999999999"})
    void malformedAccountIdsAreRejected(String text) {
        assertTrue(AccountId.parse(text).isEmpty());
        assertNull(AccountId.parse(null).orElse(null));
    }
}
