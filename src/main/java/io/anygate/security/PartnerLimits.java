package io.anygate.security;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Per-partner limits from the partners file: rate limits (an empty value falls back to the global default),
 * card load limits ({@code limits.load}), the KYC gates that are on ({@code kyc_gates}, see
 * {@link PartnersFile#KYC_GATES}) and the most cards an account may have ({@code limits.cards_per_account}; empty:
 * no cap).
 */
public record PartnerLimits(OptionalLong perUser, OptionalLong perFunctionality, PartnerLoadLimits load,
        Set<String> kycGates, OptionalLong cardsPerAccount) {

    public static final PartnerLimits DEFAULTS = new PartnerLimits(OptionalLong.empty(), OptionalLong.empty());

    public PartnerLimits {
        load = load == null ? PartnerLoadLimits.NONE : load;
        kycGates = kycGates == null ? Set.of() : Set.copyOf(kycGates);
        cardsPerAccount = cardsPerAccount == null ? OptionalLong.empty() : cardsPerAccount;
    }

    /** Rate and load limits and KYC gates, no cap on the cards of an account. */
    public PartnerLimits(OptionalLong perUser, OptionalLong perFunctionality, PartnerLoadLimits load,
            Set<String> kycGates) {
        this(perUser, perFunctionality, load, kycGates, OptionalLong.empty());
    }

    /** Rate and load limits, every KYC gate off. */
    public PartnerLimits(OptionalLong perUser, OptionalLong perFunctionality, PartnerLoadLimits load) {
        this(perUser, perFunctionality, load, Set.of());
    }

    /** Rate limits only, no load limits of the partner's own. */
    public PartnerLimits(OptionalLong perUser, OptionalLong perFunctionality) {
        this(perUser, perFunctionality, PartnerLoadLimits.NONE);
    }
}
