package io.anygate.anytime.transactions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * One transaction of {@code GET /v1.0/cards/{card_ref}/transactions} and the body of
 * {@code GET /v1.0/cards/{card_ref}/transactions/{txid}} (also the {@code transaction} of the {@code card_last_tx}
 * webhook). Types as documented: {@code txid} and {@code mcc} integers, amounts and {@code fx} numbers.
 */
public record CardTransaction(
        @JsonProperty("txid") long txid,
        @JsonProperty("mcc") int mcc,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("amount_fx") BigDecimal amountFx,
        @JsonProperty("currency") String currency,
        @JsonProperty("fx") BigDecimal fx,
        @JsonProperty("fx_fee") BigDecimal fxFee,
        @JsonProperty("vat_details") List<VatDetail> vatDetails,
        @JsonProperty("failed_reason") List<FailedReason> failedReason,
        @JsonProperty("status") String status,
        @JsonProperty("type") String type,
        @JsonProperty("balance_after") BigDecimal balanceAfter,
        @JsonProperty("date") String date,
        @JsonProperty("date_transaction") String dateTransaction,
        @JsonProperty("description") String description) {

    /** One entry of {@code vat_details}; TX gives no VAT, the list is empty. */
    public record VatDetail(@JsonProperty("rate") BigDecimal rate, @JsonProperty("amount") BigDecimal amount) {
    }

    /** One entry of {@code failed_reason}: a TRSxxxx code and its text. */
    public record FailedReason(@JsonProperty("code") String code, @JsonProperty("message") String message) {
    }
}
