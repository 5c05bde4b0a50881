package io.anygate.security;

import java.util.OptionalLong;

/**
 * Per-partner limits from the partners file: rate limits (an empty value falls back to the global default) and
 * card load limits ({@code limits.load}).
 */
public record PartnerLimits(OptionalLong perUser, OptionalLong perFunctionality, PartnerLoadLimits load) {

    public static final PartnerLimits DEFAULTS = new PartnerLimits(OptionalLong.empty(), OptionalLong.empty());

    public PartnerLimits {
        load = load == null ? PartnerLoadLimits.NONE : load;
    }

    /** Rate limits only, no load limits of the partner's own. */
    public PartnerLimits(OptionalLong perUser, OptionalLong perFunctionality) {
        this(perUser, perFunctionality, PartnerLoadLimits.NONE);
    }
}
