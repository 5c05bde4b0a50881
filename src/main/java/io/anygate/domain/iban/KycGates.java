package io.anygate.domain.iban;

/**
 * Which partners need an accepted KYC before an account gets a service (port; the partners file says, gate by
 * gate). Each gate is checked with {@link AccountKyc#accepted}: {@code needsKyc(partner, gate) && !accepted(account)}
 * refuses the call with the gate's Anytime code.
 */
public interface KycGates {

    /** The services a partner may put behind an accepted KYC, by their name in the partners file. */
    enum Gate {
        /** An IBAN or a virtual IBAN (4030220). */
        IBAN("iban"),
        /** A card order (4510320). */
        CARD_ORDER("card_order"),
        /** A card load (4510330). */
        CARD_LOAD("card_load"),
        /** A SEPA credit transfer (4510210). */
        CREDIT_TRANSFER("credit_transfer");

        private final String setting;

        Gate(String setting) {
            this.setting = setting;
        }

        /** The gate's key under {@code kyc_gates} in the partners file. */
        public String setting() {
            return setting;
        }
    }

    /** True when the partner's accounts need an accepted KYC for the gated service. */
    boolean needsKyc(String partnerId, Gate gate);

    /** True when the partner's accounts need an accepted KYC to get an IBAN or a virtual IBAN. */
    default boolean ibanNeedsKyc(String partnerId) {
        return needsKyc(partnerId, Gate.IBAN);
    }

    /** True when the partner's accounts need an accepted KYC to send a SEPA credit transfer (4510210). */
    default boolean creditTransferNeedsKyc(String partnerId) {
        return needsKyc(partnerId, Gate.CREDIT_TRANSFER);
    }
}
