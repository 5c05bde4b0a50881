package io.anygate.domain.transfer;

import java.math.BigDecimal;

/**
 * What a partner asks for: the beneficiary (name, IBAN, BIC), the amount in the account's currency, the
 * beneficiary's remittance text ({@code dst_comment}) and the sender's own ({@code src_comment}). Validated by
 * {@link SepaRules} before it reaches {@link CreditTransfers}.
 */
public record CreditTransferRequest(String beneficiaryName, String beneficiaryIban, String beneficiaryBic,
        BigDecimal amount, String reason, String sourceReason) {
}
