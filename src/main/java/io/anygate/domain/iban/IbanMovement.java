package io.anygate.domain.iban;

import java.time.Instant;

/**
 * Money that went through one of an account's IBANs, by the TX transaction that moved it: an inbound SEPA credit
 * today (direction CREDIT), outbound transfers later.
 *
 * @param iban the account's main IBAN
 * @param virtualIban the virtual IBAN the money came to, or null when it came to the main IBAN
 * @param counterpartyName the debtor of a credit
 * @param remittance the remittance information (free text) the payer gave, or empty
 */
public record IbanMovement(String operationId, long accountId, long tranId, String iban, String virtualIban,
        String bic, Direction direction, String counterpartyName, String remittance, Instant createdAt) {

    /** Into the account or out of it. */
    public enum Direction {
        CREDIT, DEBIT
    }
}
