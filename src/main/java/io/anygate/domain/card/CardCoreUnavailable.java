package io.anygate.domain.card;

/** The card core (TX) could not answer now: nothing can be said about the card, try again later. */
public class CardCoreUnavailable extends RuntimeException {

    public CardCoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
