package io.anygate.anytime.cards;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.domain.CardRef;
import io.anygate.domain.card.CardCoreUnavailable;
import io.anygate.domain.card.CardRefused;
import io.anygate.domain.money.LoadRefused;
import java.util.function.Supplier;

/** The Anytime errors of the card use cases' refusals. Messages never carry a card secret. */
public final class CardErrors {

    private CardErrors() {
    }

    /** Runs a card use case, turning its refusals into Anytime errors. */
    public static <T> T guard(Supplier<T> call) {
        try {
            return call.get();
        } catch (CardRefused e) {
            throw of(e);
        } catch (LoadRefused e) {
            throw of(e);
        } catch (CardCoreUnavailable e) {
            throw new AnytimeException(AnytimeError.BANKING_NETWORK_TIMEOUT,
                    "The card processor did not answer; please retry");
        }
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
        };
    }

    static AnytimeException of(LoadRefused e) {
        AnytimeError error = switch (e.reason()) {
            case CARD_NOT_OWNED -> AnytimeError.CARD_ACCOUNT_NO_RIGHTS;
            case AMOUNT_TOO_LOW -> AnytimeError.CARD_LOAD_AMOUNT_TOO_LOW;
            case AMOUNT_TOO_HIGH -> AnytimeError.CARD_LOAD_AMOUNT_TOO_HIGH;
            case AMOUNT_PRECISION, IDEMPOTENCY_KEY_REUSED -> AnytimeError.CARD_INVALID_PARAMETER;
            case ACCOUNT_BALANCE_TOO_LOW, DECLINED_OTHER -> AnytimeError.ACCOUNT_SRC_NOT_ENOUGH_CREDIT;
            case CARD_BALANCE_TOO_LOW -> AnytimeError.CARD_BALANCE_TOO_LOW;
            case CARD_BALANCE_TOO_HIGH -> AnytimeError.CARD_BALANCE_TOO_HIGH;
            case CARD_NOT_ACTIVATED -> AnytimeError.CARD_NOT_ACTIVATED;
            case CARD_CANCELLED -> AnytimeError.CARD_CANCELLED_NO_ACTION;
            case MAX_LOAD_PER_DAY -> AnytimeError.CARD_MAX_LOAD_PER_DAY;
            case MAX_LOAD_PER_FOUR_DAYS -> AnytimeError.CARD_MAX_LOAD_PER_FOUR_DAYS;
            case MAX_LOAD_PER_WEEK -> AnytimeError.CARD_MAX_LOAD_PER_WEEK;
            case MAX_LOAD_PER_MONTH -> AnytimeError.CARD_MAX_LOAD_PER_MONTH;
            case MAX_LOAD_PER_YEAR -> AnytimeError.CARD_MAX_LOAD_PER_YEAR;
            case LOAD_CAPACITY -> AnytimeError.CARD_LOAD_CAPACITY;
            case OUTCOME_UNKNOWN -> AnytimeError.BANKING_NETWORK_TIMEOUT;
        };
        return new AnytimeException(error, "Card load refused: " + e.getMessage());
    }
}
