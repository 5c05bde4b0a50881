package io.anygate.domain.card;

/** The card core answered that it did not send a message to the cardholder. The message never holds a secret. */
public class CardDeliveryFailed extends RuntimeException {

    public CardDeliveryFailed(String message) {
        super(message, null, false, false);
    }
}
