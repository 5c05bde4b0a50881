package io.anygate.domain.iban;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.iban4j.CountryCode;
import org.junit.jupiter.api.Test;

/** IBANs built from bank codes and a number: published example IBANs come out digit for digit. */
class IbanNumbersTest {

    record Bank(String bankCode, Optional<String> branchCode, String bic) implements IbanConfig.Bank {
    }

    @Test
    void buildsPublishedIbansIncludingTheirNationalCheckDigits() {
        // FR: RIB key 89; BE: national check 34; DE and NL have none
        assertEquals("FR7630006000011234567890189",
                IbanNumbers.build(CountryCode.FR, new Bank("30006", Optional.of("00001"), "X"), 12345678901L));
        assertEquals("BE68539007547034", IbanNumbers.build(CountryCode.BE, new Bank("539", Optional.empty(), "X"), 75470));
        assertEquals("DE89370400440532013000",
                IbanNumbers.build(CountryCode.DE, new Bank("37040044", Optional.empty(), "X"), 532013000L));
        assertEquals("NL91ABNA0417164300",
                IbanNumbers.build(CountryCode.NL, new Bank("ABNA", Optional.empty(), "X"), 417164300L));
        assertEquals("LU280019400644750000",
                IbanNumbers.build(CountryCode.LU, new Bank("001", Optional.empty(), "X"), 9400644750000L));
    }

    @Test
    void aNumberTooLongForTheCountryOrBadBankCodesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> IbanNumbers.build(CountryCode.BE, new Bank("539", Optional.empty(), "X"), 10_000_000L));
        assertThrows(IllegalArgumentException.class,
                () -> IbanNumbers.build(CountryCode.DE, new Bank("3704", Optional.empty(), "X"), 1));
    }

    @Test
    void countriesAndValidity() {
        assertEquals(Optional.of(CountryCode.FR), IbanNumbers.country("fr"));
        assertTrue(IbanNumbers.country("XX").isEmpty());
        assertTrue(IbanNumbers.country("FRA").isEmpty());
        assertTrue(IbanNumbers.country(null).isEmpty());
        assertTrue(IbanNumbers.valid("fr76 3000 6000 0112 3456 7890 189"));
        assertFalse(IbanNumbers.valid("FR7730006000011234567890189"));
    }
}
