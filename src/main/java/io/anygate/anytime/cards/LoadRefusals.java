package io.anygate.anytime.cards;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.domain.money.LoadRefused;
import org.jboss.logging.Logger;

/**
 * The one place where a refused load or unload becomes an Anytime error. Decisions where Anytime has no exact
 * code (docs/mapping.md): a TX decline the gateway does not know is 4030350 ("no action possible on this card",
 * nothing moved, the TX code in the message); a request TX rejected as malformed is our fault: 5000010, logged; a
 * load or unload that was not done and never will be (TX not reached) is 5000010 too, never the 408 of "unknown".
 */
public final class LoadRefusals {

    private static final Logger LOG = Logger.getLogger(LoadRefusals.class);

    private LoadRefusals() {
    }

    /** The Anytime error code a reason answers. */
    public static AnytimeError error(LoadRefused.Reason reason) {
        return switch (reason) {
            case CARD_NOT_OWNED -> AnytimeError.CARD_ACCOUNT_NO_RIGHTS;
            case KYC_REQUIRED -> AnytimeError.CARD_LOAD_KYC_UPLOAD_REQUIRED;
            case AMOUNT_TOO_LOW -> AnytimeError.CARD_LOAD_AMOUNT_TOO_LOW;
            case AMOUNT_TOO_HIGH -> AnytimeError.CARD_LOAD_AMOUNT_TOO_HIGH;
            case AMOUNT_PRECISION, IDEMPOTENCY_KEY_REUSED -> AnytimeError.CARD_INVALID_PARAMETER;
            case ACCOUNT_BALANCE_TOO_LOW -> AnytimeError.ACCOUNT_BALANCE_TOO_LOW;
            case CARD_BALANCE_TOO_LOW -> AnytimeError.CARD_BALANCE_TOO_LOW;
            case CARD_BALANCE_TOO_HIGH -> AnytimeError.CARD_BALANCE_TOO_HIGH;
            case CARD_NOT_ACTIVATED -> AnytimeError.CARD_NOT_ACTIVATED;
            case CARD_CANCELLED, DECLINED_OTHER -> AnytimeError.CARD_CANCELLED_NO_ACTION;
            case MAX_LOAD_PER_DAY -> AnytimeError.CARD_MAX_LOAD_PER_DAY;
            case MAX_LOAD_PER_FOUR_DAYS -> AnytimeError.CARD_MAX_LOAD_PER_FOUR_DAYS;
            case MAX_LOAD_PER_WEEK -> AnytimeError.CARD_MAX_LOAD_PER_WEEK;
            case MAX_LOAD_PER_MONTH -> AnytimeError.CARD_MAX_LOAD_PER_MONTH;
            case MAX_LOAD_PER_YEAR -> AnytimeError.CARD_MAX_LOAD_PER_YEAR;
            case LOAD_CAPACITY -> AnytimeError.CARD_LOAD_CAPACITY;
            case SINGLE_USE_LOADED -> AnytimeError.CARD_CREDIT_SINGLE_USE_UNAVAILABLE;
            case OUTCOME_UNKNOWN -> AnytimeError.BANKING_NETWORK_TIMEOUT;
            // Not done, and it will not be: Anytime's "something wrong on our side", so that a caller can tell it
            // from the 408 of an outcome not known yet (docs/mapping.md).
            case CORE_UNAVAILABLE, NOT_APPLIED, REJECTED -> AnytimeError.UNKNOWN;
        };
    }

    /** The Anytime exception for a refusal; the operation id, when there is one, lets support find it. */
    public static AnytimeException toAnytime(LoadRefused refused) {
        AnytimeError error = error(refused.reason());
        if (refused.reason() == LoadRefused.Reason.REJECTED) {
            LOG.errorf("load/unload rejected by TX as malformed (operation %s): %s", refused.operationId(),
                    refused.getMessage());
            return new AnytimeException(error, "An unexpected error occurred");
        }
        String message = refused.operationId() == null ? refused.getMessage()
                : refused.getMessage() + " (operation " + refused.operationId() + ")";
        return new AnytimeException(error, message);
    }
}
