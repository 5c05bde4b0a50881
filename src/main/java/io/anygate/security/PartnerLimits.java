package io.anygate.security;

import java.util.OptionalLong;
import java.util.Set;

/**
 * Per-partner limits from the partners file: rate limits (an empty value falls back to the global default) and
 * card load limits ({@code limits.load}), and the KYC gates that are on ({@code kyc_gates}, see
 * {@link PartnersFile#KYC_GATES}).
 */
public record PartnerLimits(OptionalLong perUser, OptionalLong perFunctionality, PartnerLoadLimits load,
        Set<String> kycGates) {

    public static final PartnerLimits DEFAULTS = new PartnerLimits(OptionalLong.empty(), OptionalLong.empty());

    public PartnerLimits {
        load = load == null ? PartnerLoadLimits.NONE : load;
        kycGates = kycGates == null ? Set.of() : Set.copyOf(kycGates);
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
