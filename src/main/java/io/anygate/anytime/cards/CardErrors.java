package io.anygate.anytime.cards;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.AnytimeExceptionMapper;
import io.anygate.anytime.AuthFailureMetrics;
import io.anygate.domain.CardRef;
import io.anygate.domain.card.CardCoreUnavailable;
import io.anygate.domain.card.CardDeliveryFailed;
import io.anygate.domain.card.CardPinUnreadable;
import io.anygate.domain.card.CardRefused;
import io.anygate.domain.money.LoadRefused;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The Anytime errors of the card use cases' refusals, wherever a route meets them: each refusal type has its
 * {@link ServerExceptionMapper}. Messages never carry a card secret.
 */
public class CardErrors {

    @Inject
    AuthFailureMetrics metrics;

    @ServerExceptionMapper
    public Response refused(CardRefused e) {
        return AnytimeExceptionMapper.answer(metrics, of(e));
    }

    /** A refused load or unload, or the refused initial load of a card order: {@link LoadRefusals}. */
    @ServerExceptionMapper
    public Response loadRefused(LoadRefused e) {
        return AnytimeExceptionMapper.answer(metrics, LoadRefusals.toAnytime(e));
    }

    @ServerExceptionMapper
    public Response coreUnavailable(CardCoreUnavailable e) {
        return AnytimeExceptionMapper.answer(metrics, AnytimeError.BANKING_NETWORK_TIMEOUT,
                "The card processor did not answer; please retry");
    }

    @ServerExceptionMapper
    public Response pinUnreadable(CardPinUnreadable e) {
        return AnytimeExceptionMapper.answer(metrics, AnytimeError.UNKNOWN,
                "The card's PIN could not be read from the card processor; no PIN is given rather than a wrong one");
    }

    @ServerExceptionMapper
    public Response deliveryFailed(CardDeliveryFailed e) {
        return AnytimeExceptionMapper.answer(metrics, AnytimeError.UNKNOWN,
                "The card processor refused to send the message to the cardholder; nothing was sent");
    }

    /** The path's {@code card_ref}; malformed is 4000310 naming it. */
    public static CardRef cardRef(String text) {
        return CardRef.parse(text).orElseThrow(() -> new AnytimeException(AnytimeError.CARD_INVALID_PARAMETER,
                "card_ref: must be ANY followed by 10 digits"));
    }

    static AnytimeException of(CardRefused e) {
        return switch (e.reason()) {
            case ACCOUNT_NOT_OWNED, CARD_NOT_OWNED -> new AnytimeException(AnytimeError.CARD_ACCOUNT_NO_RIGHTS,
                    "You have no rights on this card or account");
            case VIRTUAL_NEEDS_BUSINESS_ACCOUNT -> new AnytimeException(
                    AnytimeError.CARD_ACCOUNT_CANNOT_ORDER_VIRTUAL_CARDS,
                    "Virtual cards can't be ordered by a consumer account");
            case IDEMPOTENCY_KEY_REUSED -> new AnytimeException(AnytimeError.CARD_INVALID_PARAMETER,
                    "Idempotency-Key: already used with other parameters");
            case ORDER_FAILED -> new AnytimeException(AnytimeError.BANKING_NETWORK_TIMEOUT,
                    "This order was cancelled after a failure; no card was made. Order again with a new key");
            case TRANSACTION_NOT_FOUND -> new AnytimeException(AnytimeError.CARD_STATEMENT_NOT_FOUND,
                    "No such transaction on this card");
            case BAD_CVC -> new AnytimeException(AnytimeError.CARD_GET_PIN_BAD_CVC, "Bad CVC");
            // The same code as a wrong CVC (docs/mapping.md): while locked, even the right CVC tells nothing.
            case PIN_LOCKED -> new AnytimeException(AnytimeError.CARD_GET_PIN_BAD_CVC,
                    "Too many wrong CVCs for this card: its PIN cannot be read for now");
            // The gateway makes no sub-accounts: 4290331 has no case to answer (docs/mapping.md).
            case MAX_CARDS_PER_ACCOUNT -> new AnytimeException(AnytimeError.CARD_MAX_ALLOWED_ORDER_REACHED,
                    "This account has reached the maximum number of cards allowed");
            case HOLDER_WITHOUT_MOBILE -> new AnytimeException(AnytimeError.CARD_UPDATE_MISSING_HOLDER_DATA,
                    "The cardholder has no mobile number (user_mobile_number): the PIN cannot be texted");
            // No card-delivery code in the document's 429 table: the per-functionality one (docs/mapping.md).
            case DELIVERY_LIMIT -> new AnytimeException(AnytimeError.MAX_QUERY_RATE_BY_FUNCTIONALITY,
                    "card_ref: " + e.getMessage() + "; try again tomorrow");
            case KYC_REQUIRED -> new AnytimeException(AnytimeError.CARD_ORDER_KYC_UPLOAD_REQUIRED,
                    "The KYC of this account must be accepted before it orders a card");
        };
    }

}
