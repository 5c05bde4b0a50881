package io.anygate.domain.iban;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/**
 * How IBANs are issued: per ISO 3166 country, the bank (and branch) codes of the issuing bank and its BIC. An IBAN
 * is built from them and a number unique to the account; a country without an entry is not offered (4000210).
 * application.properties holds sandbox codes for FR, BE, LU, DE and NL; production sets the issuing bank's own.
 */
@ConfigMapping(prefix = "gateway.iban")
public interface IbanConfig {

    /** The issuing bank per country code (upper case alpha-2): {@code gateway.iban.banks.FR.bank-code=...}. */
    Map<String, Bank> banks();

    /** One country's issuing bank. */
    interface Bank {

        /** The national bank code, exactly as long as the country's BBAN structure wants it. */
        String bankCode();

        /** The branch code, for countries whose BBAN has one (FR); else absent. */
        Optional<String> branchCode();

        /** The BIC (ISO 9362) answered as {@code swift} with every IBAN of this country. */
        String bic();
    }
}
