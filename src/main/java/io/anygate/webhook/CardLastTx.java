package io.anygate.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.anygate.anytime.transactions.CardTransaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The {@code body} of Anytime's {@code card_last_tx} webhook, field for field and with the JSON types of the
 * documented example (txid, mcc, fx and balance_after as strings; amounts as numbers).
 */
@JsonPropertyOrder({"method", "card_ref", "acc_id", "transaction"})
public record CardLastTx(
        String method,
        @JsonProperty("card_ref") String cardRef,
        @JsonProperty("acc_id") String accId,
        Transaction transaction) {

    /** The Anytime method name, also the event type. */
    public static final String METHOD = "card_last_tx";

    /** Anytime's transaction date format. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The body for a card's transaction. */
    public static CardLastTx of(String cardRef, String accId, Transaction transaction) {
        return new CardLastTx(METHOD, cardRef, accId, transaction);
    }

    /**
     * The transaction object of the webhook. Status: S, C, P or D; type: C (credit) or D (debit). A declined one (D)
     * adds {@code failed_reason}, as the card's transaction list gives it (the documented webhook example, of an
     * approved purchase, has none); otherwise the field is left out.
     */
    @JsonPropertyOrder({"txid", "mcc", "amount", "amount_fx", "currency", "fx", "fx_fee", "status", "type",
            "balance_after", "date", "description", "failed_reason"})
    public record Transaction(
            String txid,
            String mcc,
            BigDecimal amount,
            @JsonProperty("amount_fx") BigDecimal amountFx,
            String currency,
            String fx,
            @JsonProperty("fx_fee") BigDecimal fxFee,
            String status,
            String type,
            @JsonProperty("balance_after") String balanceAfter,
            String date,
            String description,
            @JsonProperty("failed_reason") @JsonInclude(JsonInclude.Include.NON_NULL)
            CardTransaction.FailedReason failedReason) {

        /**
         * The webhook form of a card transaction made by {@code anytime.transactions.TransactionMapper}, the same
         * mapper the transaction list uses: same status, type, amounts, date (Paris time) and balance after; only
         * the JSON types follow the documented webhook example (txid, mcc, fx, balance_after as strings).
         */
        public static Transaction from(CardTransaction t) {
            BigDecimal balance = t.balanceAfter() == null ? BigDecimal.ZERO : t.balanceAfter();
            return new Transaction(Long.toString(t.txid()), Integer.toString(t.mcc()), t.amount(), t.amountFx(),
                    t.currency(), t.fx().setScale(6, RoundingMode.HALF_EVEN).toPlainString(), t.fxFee(), t.status(),
                    t.type(), balance.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), t.date(), t.description(),
                    t.failedReason());
        }

        /** A transaction with Anytime's formatting: fx with six decimals, balance with two, date without zone. */
        public static Transaction of(String txid, String mcc, BigDecimal amount, BigDecimal amountFx, String currency,
                BigDecimal fx, BigDecimal fxFee, String status, String type, BigDecimal balanceAfter,
                LocalDateTime date, String description) {
            return new Transaction(txid, mcc, amount, amountFx, currency,
                    fx.setScale(6, RoundingMode.HALF_EVEN).toPlainString(), fxFee, status, type,
                    balanceAfter.setScale(2, RoundingMode.HALF_EVEN).toPlainString(), DATE.format(date), description,
                    null);
        }
    }
}
