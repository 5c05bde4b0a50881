package io.anygate.domain;

/**
 * The rules of a requested card status change ({@code card_status} of {@code PUT /v1.0/cards/{card_ref}}), as TX
 * allows them: {@code Inactive -> Active}, {@code Blocked <-> Active}, and any live card may be declared lost,
 * stolen, damaged or cancelled; those four are final.
 */
public final class CardStatusChange {

    /** Why a change is refused; the Anytime adapter turns each into its error code. */
    public enum Refusal {
        /** The card is in a final status (Anytime 4030350 CardCancelledNoActionException). */
        CARD_FINAL,
        /** The change needs an activated card, e.g. blocking an ordered card (4030320 CardNotActivatedException). */
        NOT_ACTIVATED,
        /** The target is not a status a partner may set, e.g. ORD or EXP (4030365 CardBadStatusUpdateException). */
        FORBIDDEN_TARGET
    }

    /** Outcome: either allowed (with {@code noChange} when the card already has the status) or refused. */
    public record Decision(Refusal refusal, boolean noChange) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    private CardStatusChange() {
    }

    /** Decides whether a card in {@code current} may move to {@code target}. */
    public static Decision decide(CardStatus current, CardStatus target) {
        if (current.isTerminal()) {
            return new Decision(Refusal.CARD_FINAL, false);
        }
        if (!target.isRequestable()) {
            return new Decision(Refusal.FORBIDDEN_TARGET, false);
        }
        if (current == target) {
            return new Decision(null, true);
        }
        if (current == CardStatus.ORD && target == CardStatus.BLO) {
            return new Decision(Refusal.NOT_ACTIVATED, false);
        }
        return new Decision(null, false);
    }

    /** Options other than the status (pos, atm, renew) need a card that is not final; renewal an activated one. */
    public static Refusal checkOptions(CardStatus current, boolean renewRequested) {
        if (current.isTerminal()) {
            return Refusal.CARD_FINAL;
        }
        if (renewRequested && current == CardStatus.ORD) {
            return Refusal.NOT_ACTIVATED;
        }
        return null;
    }
}
