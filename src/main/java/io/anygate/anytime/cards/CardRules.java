package io.anygate.anytime.cards;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.domain.AccountType;
import io.anygate.domain.CardStatus;
import io.anygate.domain.CardStatusChange;
import io.anygate.domain.CardType;

/** The card rules the Anytime document states, as Anytime errors. Pure functions: they read no state. */
public final class CardRules {

    private CardRules() {
    }

    /** Virtual cards can't be ordered by a consumer account (4030370 CardAccountCannotOrderVirtualCardsException). */
    public static void checkOrder(AccountType accountType, CardType cardType) {
        if (cardType.isVirtual() && accountType != AccountType.BUSINESS) {
            throw new AnytimeException(AnytimeError.CARD_ACCOUNT_CANNOT_ORDER_VIRTUAL_CARDS,
                    "Virtual cards can't be ordered by a consumer account");
        }
    }

    /**
     * Checks a {@code PUT /v1.0/cards/{card_ref}} against the card's current status: a final card refuses everything
     * (4030350), ORD/EXP cannot be requested (4030365), blocking or renewing a card never activated is 4030320.
     *
     * @return true when the requested status is the current one (nothing to write for the status)
     */
    public static boolean checkUpdate(CardStatus current, CardUpdateForm form) {
        CardStatusChange.Refusal options = CardStatusChange.checkOptions(current, form.renewRequested());
        if (options != null) {
            throw refusal(options);
        }
        if (form.status() == null) {
            return true;
        }
        CardStatusChange.Decision d = CardStatusChange.decide(current, form.status());
        if (!d.allowed()) {
            throw refusal(d.refusal());
        }
        return d.noChange();
    }

    /** Money moves and PIN/PAN services need an activated card: final is 4030350, not yet active 4030320. */
    public static void checkUsable(CardStatus current) {
        if (current.isTerminal()) {
            throw refusal(CardStatusChange.Refusal.CARD_FINAL);
        }
        if (current == CardStatus.ORD) {
            throw refusal(CardStatusChange.Refusal.NOT_ACTIVATED);
        }
    }

    /** The PAN services work with virtual cards only (4030360 CardBadCardTypeException). */
    public static void checkVirtual(CardType type) {
        if (!type.isVirtual()) {
            throw new AnytimeException(AnytimeError.CARD_BAD_CARD_TYPE, "This service works with virtual cards only");
        }
    }

    /** The Anytime error of a domain refusal. */
    public static AnytimeException refusal(CardStatusChange.Refusal refusal) {
        return switch (refusal) {
            case CARD_FINAL -> new AnytimeException(AnytimeError.CARD_CANCELLED_NO_ACTION,
                    "The card is cancelled, lost, stolen, damaged or expired: no action is possible");
            case NOT_ACTIVATED -> new AnytimeException(AnytimeError.CARD_NOT_ACTIVATED, "The card is not activated");
            case FORBIDDEN_TARGET -> new AnytimeException(AnytimeError.CARD_BAD_STATUS_UPDATE,
                    "This status change is not allowed");
        };
    }
}
