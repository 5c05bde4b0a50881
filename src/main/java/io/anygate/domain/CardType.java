package io.anygate.domain;

import java.util.Optional;

/** Anytime's {@code card_type}, with the TX card product it is issued on (catalogue of docs/tx-contract.md). */
public enum CardType {
    PLASTIC("CP-PHYSICAL"),
    VIRTUAL_SINGLE_USE("CP-VIRTUAL"),
    VIRTUAL_MULTI_USE("CP-VIRTUAL");

    /** The rid of the TX card user attribute holding the Anytime card type (TX products do not tell single from multi use). */
    public static final String TX_USER_ATTR = "AGW-CARD-TYPE";

    private final String defaultProductRid;

    CardType(String defaultProductRid) {
        this.defaultProductRid = defaultProductRid;
    }

    /** The TX card product rid used unless configuration says otherwise. */
    public String defaultProductRid() {
        return defaultProductRid;
    }

    public boolean isVirtual() {
        return this != PLASTIC;
    }

    /**
     * From TX: the type the gateway recorded in the card's user attribute {@link #TX_USER_ATTR} when ordering;
     * without it (a card not ordered through the gateway) the product decides, a virtual product reading as
     * {@link #VIRTUAL_MULTI_USE}.
     */
    public static CardType fromTx(String productRid, String userAttrValue) {
        Optional<CardType> recorded = fromAnytime(userAttrValue);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        return "CP-VIRTUAL".equals(productRid) ? VIRTUAL_MULTI_USE : PLASTIC;
    }

    /** From an Anytime code, exact upper case as documented and as the SDK's constants send it. */
    public static Optional<CardType> fromAnytime(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (CardType t : values()) {
            if (t.name().equals(code.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
