package io.anygate.anytime.transactions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.transfer.CreditTransfer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * One credit transfer as the Anytime document shows it: the answer of {@code POST .../credit-transfers}, a line of
 * {@code GET .../credit-transfers} and of the {@code credit_transfer_processed} webhook. The BIC is written twice:
 * {@code beneficiary_swift} as the document's tables name it, {@code beneficiary_swift_code} as its webhook example
 * and the SDK's models read it. Dates are Paris time ({@code creation_date} with its offset, as the document's example); execution fields are null until executed.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CreditTransferLine(
        @JsonProperty("internal_id") long internalId,
        @JsonProperty("sender_account_id") long senderAccountId,
        @JsonProperty("sender_account_type") String senderAccountType,
        @JsonProperty("creation_date") String creationDate,
        @JsonProperty("request_date") String requestDate,
        @JsonProperty("execution_date") String executionDate,
        @JsonProperty("execution_reference") String executionReference,
        @JsonProperty("transaction_type") String transactionType,
        @JsonProperty("beneficiary_name") String beneficiaryName,
        @JsonProperty("beneficiary_iban") String beneficiaryIban,
        @JsonProperty("beneficiary_swift") String beneficiarySwift,
        @JsonProperty("beneficiary_swift_code") String beneficiarySwiftCode,
        @JsonProperty("reason") String reason,
        @JsonProperty("source_reason") String sourceReason,
        @JsonProperty("status") String status,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("currency") String currency) {

    /** The transaction type of a credit transfer (the document's other one, {@code sdd}, is a direct debit). */
    public static final String CREDIT_TRANSFER = "ct";

    /** {@code creation_date} as the document's example writes it: {@code 2020-10-23T11:04:03+02:00}. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    public static CreditTransferLine of(CreditTransfer t) {
        return new CreditTransferLine(t.id(), t.accountId(), t.accountType(), dateTime(t.createdAt()),
                date(t.createdAt()), t.executedAt() == null ? null : date(t.executedAt()), t.executionReference(),
                CREDIT_TRANSFER, t.beneficiaryName(), t.beneficiaryIban(), t.beneficiaryBic(), t.beneficiaryBic(),
                t.reason(), t.sourceReason(), t.status().label(), t.amount(), t.currency());
    }

    private static String dateTime(Instant i) {
        return DATE_TIME.format(i.atZone(AnytimeDates.ANYTIME_ZONE));
    }

    private static String date(Instant i) {
        return AnytimeDates.date(i.atZone(AnytimeDates.ANYTIME_ZONE).toLocalDate());
    }
}
