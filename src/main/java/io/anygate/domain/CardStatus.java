package io.anygate.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * A card's status in Anytime's three-letter codes, with its TX twin (card {@code status} and {@code lifePhaseRid},
 * docs/tx-contract.md "Statuses"). {@code ORD} (ordered, not activated yet) and {@code EXP} are codes of the SDK's
 * {@code CardStatus} constants that the document's update table does not list: partners never request them.
 */
public enum CardStatus {
    ORD("Inactive", "LC_NEW", false),
    ACT("Active", "LC_ACTIVE", false),
    BLO("Blocked", "LC_BLOCKED", false),
    LOS("Lost", "LC_CLOSED", true),
    STO("Stolen", "LC_CLOSED", true),
    DAM("Damaged", "LC_CLOSED", true),
    CAN("Closed", "LC_CLOSED", true),
    /** Past its expiry date; TX has no such status, the mapping derives it from {@code dates.expiration}. */
    EXP(null, "LC_CLOSED", true);

    private final String txStatus;
    private final String txLifePhase;
    private final boolean terminal;

    CardStatus(String txStatus, String txLifePhase, boolean terminal) {
        this.txStatus = txStatus;
        this.txLifePhase = txLifePhase;
        this.terminal = terminal;
    }

    /** The TX card {@code status}; null for {@link #EXP}, which is never written to TX. */
    public String txStatus() {
        return txStatus;
    }

    /** The TX card {@code lifePhaseRid} that goes with the status. */
    public String txLifePhase() {
        return txLifePhase;
    }

    /** A final status: nothing can be done with the card any more (Anytime 4030350). */
    public boolean isTerminal() {
        return terminal;
    }

    /** True for the codes a partner may send in {@code card_status}: STO, LOS, DAM, CAN, ACT, BLO. */
    public boolean isRequestable() {
        return this != ORD && this != EXP;
    }

    /** From an Anytime code, case-insensitive; empty for an unknown code. */
    public static Optional<CardStatus> fromAnytime(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** From a TX card {@code status} (case-insensitive); empty for a status TX may add that we do not know. */
    public static Optional<CardStatus> fromTx(String txStatus) {
        if (txStatus == null) {
            return Optional.empty();
        }
        for (CardStatus s : values()) {
            if (s.txStatus != null && s.txStatus.equalsIgnoreCase(txStatus.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** What the partner sees: EXP once the expiry date is past for a card that is not otherwise final. */
    public CardStatus asOf(java.time.LocalDate expiry, java.time.LocalDate today) {
        return !terminal && expiry != null && expiry.isBefore(today) ? EXP : this;
    }
}
