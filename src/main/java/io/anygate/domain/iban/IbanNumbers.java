package io.anygate.domain.iban;

import java.util.Locale;
import java.util.Optional;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.iban4j.Iban4jException;
import org.iban4j.IbanUtil;
import org.iban4j.bban.BbanEntryType;
import org.iban4j.bban.BbanStructure;
import org.iban4j.bban.BbanStructureEntry;

/**
 * Builds ISO 13616 IBANs with iban4j: the country's BBAN structure, the configured bank (and branch) code, the
 * account number left-padded with zeros to the structure's length, and the IBAN check digits (mod 97) computed by
 * iban4j. iban4j does not compute national check digits, which France (the RIB key) and Belgium put in the BBAN:
 * those two are computed here by the national rules, so that the IBAN is valid for a French or Belgian bank too.
 */
public final class IbanNumbers {

    private IbanNumbers() {
    }

    /** The country of an Anytime {@code country_code} (ISO 3166 alpha-2, any case), if iban4j knows its IBAN format. */
    public static Optional<CountryCode> country(String code) {
        if (code == null || !code.matches("[A-Za-z]{2}")) {
            return Optional.empty();
        }
        CountryCode c = CountryCode.getByCode(code.toUpperCase(Locale.ROOT));
        return c != null && IbanUtil.isSupportedCountry(c) ? Optional.of(c) : Optional.empty();
    }

    /**
     * The IBAN of account number {@code number} at {@code bank}.
     *
     * @throws IllegalArgumentException when the number does not fit the country's account number, or the bank's
     *         codes do not fit its BBAN structure (a configuration error)
     */
    public static String build(CountryCode country, IbanConfig.Bank bank, long number) {
        BbanStructure structure = BbanStructure.forCountry(country);
        int accountLength = length(structure, BbanEntryType.account_number);
        String account = Long.toString(number);
        if (account.length() > accountLength) {
            throw new IllegalArgumentException("account number " + number + " does not fit " + country);
        }
        account = "0".repeat(accountLength - account.length()) + account;
        String branch = bank.branchCode().orElse(null);
        try {
            Iban.Builder b = new Iban.Builder().countryCode(country).bankCode(bank.bankCode()).accountNumber(account);
            if (branch != null) {
                b.branchCode(branch);
            }
            if (BbanStructure.hasNationalCheckDigit(country)) {
                b.nationalCheckDigit(nationalCheckDigit(country, bank.bankCode(), branch, account));
            }
            String iban = b.build().toString();
            IbanUtil.validate(iban);
            return iban;
        } catch (Iban4jException e) {
            throw new IllegalArgumentException("the " + country + " bank codes do not fit its IBAN format: "
                    + e.getMessage(), e);
        }
    }

    /** True when {@code text} is a valid IBAN (structure of its country and check digits), spaces allowed. */
    public static boolean valid(String text) {
        return text != null && IbanUtil.isValid(normalized(text));
    }

    /** Upper case without spaces: how IBANs are stored and compared. */
    public static String normalized(String text) {
        return text.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static int length(BbanStructure structure, BbanEntryType type) {
        return structure.getEntries().stream().filter(e -> e.getEntryType() == type)
                .mapToInt(BbanStructureEntry::getLength).sum();
    }

    // The national check digits iban4j leaves to the caller. FR: RIB key, 97 - (89 bank + 15 branch + 3 account)
    // mod 97 (numeric account numbers only: ours are). BE: the first ten digits mod 97, 97 when that is 0.
    static String nationalCheckDigit(CountryCode country, String bankCode, String branchCode, String account) {
        return switch (country) {
            case FR -> two(97 - (int) ((89L * Long.parseLong(bankCode) + 15L * Long.parseLong(branchCode)
                    + 3L * Long.parseLong(account)) % 97));
            case BE -> {
                int r = (int) (Long.parseLong(bankCode + account) % 97);
                yield two(r == 0 ? 97 : r);
            }
            default -> throw new IllegalArgumentException("no national check digit rule for " + country
                    + "; configure a country without one");
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
