package io.anygate.security;

import java.util.OptionalLong;

/** Per-partner rate limits from the partners file; an empty value falls back to the global default. */
public record PartnerLimits(OptionalLong perUser, OptionalLong perFunctionality) {

    public static final PartnerLimits DEFAULTS = new PartnerLimits(OptionalLong.empty(), OptionalLong.empty());
}
