package io.anygate.domain.card;

/**
 * The card core answered a PIN block that does not read as a PIN: the gateway's PIN key or format is not the core's,
 * or the block is corrupt. Retrying does not help; the PIN is never guessed. The message holds no secret.
 */
public class CardPinUnreadable extends RuntimeException {

    public CardPinUnreadable(String message) {
        super(message, null, false, false);
    }
}
