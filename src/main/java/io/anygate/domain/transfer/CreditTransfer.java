package io.anygate.domain.transfer;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One outbound SEPA credit transfer, recorded once TX has debited the account.
 *
 * @param id the Anytime {@code internal_id}
 * @param operationId the journaled CREDIT_TRANSFER operation whose {@code tran/account2fi} debited the account
 * @param reason the beneficiary's remittance text ({@code dst_comment})
 * @param sourceReason the sender's own text ({@code src_comment})
 * @param debitTranId the TX transaction that took the money from the account
 * @param refundTranId the TX transaction that gave it back (cancelled transfers), else null
 * @param executionReference the rail's reference once executed, else null
 * @param submittedAt when the rail took it, else null
 * @param executedAt when the rail executed it, else null
 */
public record CreditTransfer(long id, String operationId, String partnerId, long accountId, String accountType,
        String senderName, String senderIban, String senderBic, String beneficiaryName, String beneficiaryIban,
        String beneficiaryBic, String reason, String sourceReason, BigDecimal amount, String currency,
        CreditTransferStatus status, long debitTranId, Long refundTranId, String executionReference,
        Instant createdAt, Instant submittedAt, Instant executedAt) {
}
