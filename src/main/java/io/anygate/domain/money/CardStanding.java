package io.anygate.domain.money;

/** Whether a card may receive or give money, as TX's card status says. */
public enum CardStanding {
    ACTIVE,
    /** Ordered but not activated yet. */
    NOT_ACTIVATED,
    /** Blocked (temporarily): still loadable and unloadable, as Anytime's BLO. */
    BLOCKED,
    /** Lost, stolen, damaged, cancelled or closed: final, no action possible. */
    CANCELLED
}
