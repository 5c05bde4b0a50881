package io.anygate.domain.money;

/** Whether a card may receive or give money, as TX's card status says. */
public enum CardStanding {
    ACTIVE,
    /** Ordered but not activated yet. */
    NOT_ACTIVATED,
    /** Blocked, lost, stolen or damaged: temporarily or finally unusable. */
    BLOCKED,
    /** Cancelled or closed: no action possible. */
    CANCELLED
}
