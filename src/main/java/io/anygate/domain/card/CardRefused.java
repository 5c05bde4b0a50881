package io.anygate.domain.card;

/**
 * A card request the gateway refuses for a business reason; the inbound adapter turns the reason into the Anytime
 * error code. Nothing was written to TX when this is thrown, except for {@link Reason#ORDER_FAILED}.
 */
public class CardRefused extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** The account is not the partner's (or does not exist): they look the same. */
        ACCOUNT_NOT_OWNED,
        /** The card is not the partner's (or does not exist). */
        CARD_NOT_OWNED,
        /** Virtual cards are for business accounts only. */
        VIRTUAL_NEEDS_BUSINESS_ACCOUNT,
        /** The same Idempotency-Key was used earlier with other parameters. */
        IDEMPOTENCY_KEY_REUSED,
        /** The order was abandoned and compensated: no card was made. */
        ORDER_FAILED,
        /** The transaction is not one of this card's. */
        TRANSACTION_NOT_FOUND,
        /** The CVC given for the PIN is wrong. */
        BAD_CVC,
        /** Too many wrong CVCs: the card's PIN route is locked for a while. */
        PIN_LOCKED,
        /** The account has as many cards as its partner's cap allows (partners file). */
        MAX_CARDS_PER_ACCOUNT,
        /** The cardholder has no mobile number: no PIN text can be sent. */
        HOLDER_WITHOUT_MOBILE,
        /** The card has had its configured number of sends of this delivery service today. */
        DELIVERY_LIMIT,
        /** The partner's card order KYC gate is on and the account's KYC is not accepted. */
        KYC_REQUIRED
    }

    private final Reason reason;

    public CardRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
