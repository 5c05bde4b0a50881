package io.anygate.domain.money;

import java.util.HashMap;
import java.util.Map;

/**
 * What a TX decline code means for a card load or unload: the values of the decline table
 * ({@code gateway.money.declines}, over {@link #DEFAULTS}). Which side a balance refusal names follows the direction:
 * a load takes from the account and gives to the card, an unload the other way round.
 */
public enum DeclineMeaning {
    /** The side the money leaves ran short: the account on a load, the card on an unload. */
    FUNDS_SHORT,
    /** The side the money goes to would pass its maximum: the card on a load (an account has none). */
    BALANCE_FULL,
    /** The amount is above a per-transaction maximum. */
    AMOUNT_TOO_HIGH,
    /** The card (or its contract) is not usable yet or for now. */
    CARD_NOT_ACTIVATED,
    /** The card (or its contract) is closed. */
    CARD_CANCELLED,
    /** TX refused the request itself (the gateway's {@code REJECTED} for a 400): a gateway defect. */
    REJECTED,
    /** A decline with no Anytime counterpart: answered as such, with TX's code and text. */
    OTHER;

    /** The decline codes docs/tx-contract.md lists, as the simulator and the gateway's reading of TX use them. */
    public static final Map<String, DeclineMeaning> DEFAULTS = Map.ofEntries(
            Map.entry("INSUFFICIENT_FUNDS", FUNDS_SHORT),
            Map.entry("BALANCE_LIMIT_EXCEEDED", BALANCE_FULL),
            Map.entry("AMOUNT_LIMIT_EXCEEDED", AMOUNT_TOO_HIGH),
            Map.entry("CARD_NOT_ACTIVE", CARD_NOT_ACTIVATED),
            Map.entry("CARD_BLOCKED", CARD_NOT_ACTIVATED),
            Map.entry("CONTRACT_NOT_ACTIVE", CARD_NOT_ACTIVATED),
            Map.entry("CARD_CLOSED", CARD_CANCELLED),
            Map.entry("CONTRACT_CLOSED", CARD_CANCELLED),
            Map.entry("CURRENCY_MISMATCH", OTHER),
            Map.entry("POS_NOT_ALLOWED", OTHER),
            Map.entry("ATM_NOT_ALLOWED", OTHER),
            Map.entry("REJECTED", REJECTED));

    /** The one table: the defaults, with the configured entries over them. */
    public static Map<String, DeclineMeaning> table(Map<String, DeclineMeaning> configured) {
        Map<String, DeclineMeaning> table = new HashMap<>(DEFAULTS);
        if (configured != null) {
            table.putAll(configured);
        }
        return Map.copyOf(table);
    }
}
