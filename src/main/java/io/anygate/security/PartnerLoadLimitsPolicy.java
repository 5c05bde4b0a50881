package io.anygate.security;

import io.anygate.domain.money.LoadLimits;
import io.anygate.domain.money.LoadLimitsPolicy;
import io.anygate.domain.money.MoneyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Load limits per partner: each limit the partners file sets ({@code limits.load}) overrides the same
 * {@code gateway.money.limits.*} default; what it leaves out keeps the default. Read at each load, so a partners
 * file reload applies to the next load.
 */
@ApplicationScoped
public class PartnerLoadLimitsPolicy implements LoadLimitsPolicy {

    @Inject
    PartnerRegistry registry;

    @Inject
    MoneyConfig money;

    @Override
    public LoadLimits forPartner(String partnerId) {
        LoadLimits defaults = money.limits().toLoadLimits();
        Optional<PartnerLoadLimits> own = registry.find(partnerId).map(p -> p.limits().load());
        if (own.isEmpty()) {
            return defaults;
        }
        PartnerLoadLimits p = own.get();
        return new LoadLimits(
                or(p.minAmount(), defaults.minAmount()),
                or(p.maxAmount(), defaults.maxAmount()),
                or(p.perDay(), defaults.perDay()),
                or(p.perFourDays(), defaults.perFourDays()),
                or(p.perWeek(), defaults.perWeek()),
                or(p.perMonth(), defaults.perMonth()),
                or(p.perYear(), defaults.perYear()),
                p.loadsPerDay().isPresent() ? Integer.valueOf(p.loadsPerDay().getAsInt()) : defaults.maxLoadsPerDay());
    }

    private static BigDecimal or(Optional<BigDecimal> own, BigDecimal fallback) {
        return own.orElse(fallback);
    }
}
