package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.domain.money.LoadBalances;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The body of {@code POST /v1.0/cards/{card_ref}/credit} and {@code /debit}, answered at once (the final
 * transaction goes by webhook). The account id is served under both the document's {@code acc_id} and the SDK's
 * {@code card_acc_id} (which the SDK's {@code ModelResponsePostCardCredit} reads); {@code transaction_id} ("only
 * in sandbox") is left out when null. {@code card_balance_after} and {@code acc_balance_after} are a gateway
 * extension (neither the document nor the SDK reads them): the card's and the account's available balances read
 * right after the approval, left out when TX could not be read at that moment (see
 * {@link io.anygate.domain.money.LoadBalances}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CardMoneyAnswer(
        @JsonProperty("card_ref") String cardRef,
        @JsonProperty("acc_id") long accId,
        @JsonProperty("card_acc_id") long cardAccId,
        @JsonProperty("transaction_id") Long transactionId,
        @JsonProperty("card_balance_after") BigDecimal cardBalanceAfter,
        @JsonProperty("acc_balance_after") BigDecimal accBalanceAfter) {

    /** With the balances read after the move, when there are some. */
    public static CardMoneyAnswer of(String cardRef, long accId, Long transactionId,
            Optional<LoadBalances> balances) {
        return new CardMoneyAnswer(cardRef, accId, accId, transactionId,
                balances.map(LoadBalances::card).orElse(null), balances.map(LoadBalances::account).orElse(null));
    }
}
