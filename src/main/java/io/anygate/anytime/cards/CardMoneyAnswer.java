package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /v1.0/cards/{card_ref}/credit} and {@code /debit}, answered at once (the final
 * transaction goes by webhook). The account id is served under both the document's {@code acc_id} and the SDK's
 * {@code card_acc_id} (which the SDK's {@code ModelResponsePostCardCredit} reads); {@code transaction_id} ("only
 * in sandbox") is left out when null. No balance: neither the document nor the SDK has one here, and reading the
 * two contracts after the move would cost every load a TX round trip (the balance after each transaction is the
 * {@code card_last_tx} webhook's).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardMoneyAnswer(
        @JsonProperty("card_ref") String cardRef,
        @JsonProperty("acc_id") long accId,
        @JsonProperty("card_acc_id") long cardAccId,
        @JsonProperty("transaction_id") Long transactionId) {

    public static CardMoneyAnswer of(String cardRef, long accId, Long transactionId) {
        return new CardMoneyAnswer(cardRef, accId, accId, transactionId);
    }
}
