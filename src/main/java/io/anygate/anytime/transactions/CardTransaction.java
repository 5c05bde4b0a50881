package io.anygate.anytime.transactions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
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
        @JsonProperty("failed_reason") @JsonSerialize(nullsUsing = CardTransaction.NoFailedReason.class)
        FailedReason failedReason,
        @JsonProperty("status") String status,
        @JsonProperty("type") String type,
        @JsonProperty("balance_after") BigDecimal balanceAfter,
        @JsonProperty("date") String date,
        @JsonProperty("date_transaction") String dateTransaction,
        @JsonProperty("description") String description) {

    /** One entry of {@code vat_details}; TX gives no VAT, the list is empty. */
    public record VatDetail(@JsonProperty("rate") BigDecimal rate, @JsonProperty("amount") BigDecimal amount) {
    }

    /**
     * {@code failed_reason} of a declined transaction: one object with a TRSxxxx code and its text, the shape the
     * official SDK hydrates ({@code ModelResponseGetCardTransactionTransactionFailedReason}); the spec's table says
     * "array", which is what PHP's {@code json_decode} makes of it too (docs/mapping.md).
     */
    public record FailedReason(@JsonProperty("code") String code, @JsonProperty("message") String message) {
    }

    /** A transaction not declined has no reason: {@code []}, an empty array the SDK hydrates to an empty reason. */
    public static final class NoFailedReason extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartArray();
            gen.writeEndArray();
        }
    }
}
