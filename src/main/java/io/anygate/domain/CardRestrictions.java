package io.anygate.domain;

import java.util.Optional;

/**
 * Whether a card may pay at points of sale and withdraw at ATMs ({@code card_pos}, {@code card_atm}; answers
 * {@code pos}, {@code atm}), held in TX as the card's restriction profile (catalogue rids of docs/tx-contract.md).
 */
public record CardRestrictions(boolean pos, boolean atm) {

    /** Both allowed: the profile of a new card. */
    public static final CardRestrictions ALL = new CardRestrictions(true, true);

    /** The TX restriction profile rid: {@code RP-ALL}, {@code RP-NO-POS}, {@code RP-NO-ATM} or {@code RP-NO-POS-ATM}. */
    public String rid() {
        if (pos && atm) {
            return "RP-ALL";
        }
        if (atm) {
            return "RP-NO-POS";
        }
        if (pos) {
            return "RP-NO-ATM";
        }
        return "RP-NO-POS-ATM";
    }

    /** From a TX restriction profile rid; empty for a profile not of our catalogue. */
    public static Optional<CardRestrictions> fromRid(String rid) {
        if (rid == null) {
            return Optional.empty();
        }
        return switch (rid) {
            case "RP-ALL" -> Optional.of(ALL);
            case "RP-NO-POS" -> Optional.of(new CardRestrictions(false, true));
            case "RP-NO-ATM" -> Optional.of(new CardRestrictions(true, false));
            case "RP-NO-POS-ATM" -> Optional.of(new CardRestrictions(false, false));
            default -> Optional.empty();
        };
    }

    /** This with the requested changes applied; a null request leaves that side as it is. */
    public CardRestrictions with(Boolean newPos, Boolean newAtm) {
        return new CardRestrictions(newPos == null ? pos : newPos, newAtm == null ? atm : newAtm);
    }
}
