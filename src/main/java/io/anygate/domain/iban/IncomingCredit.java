package io.anygate.domain.iban;

import java.math.BigDecimal;

/**
 * An inbound SEPA credit to one of an account's IBANs, as the payment rail (or the sandbox) hands it over.
 *
 * @param endToEndId the payer's end-to-end reference: the same reference is the same credit, credited once; null
 *        when the payer gave none (every such credit is a new one)
 */
public record IncomingCredit(String iban, BigDecimal amount, String debtorName, String remittance,
        String endToEndId) {
}
