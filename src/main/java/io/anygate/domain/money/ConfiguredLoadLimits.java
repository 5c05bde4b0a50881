package io.anygate.domain.money;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Load limits from configuration ({@code gateway.money.limits.*}), the same for every partner. */
@ApplicationScoped
@DefaultBean
public class ConfiguredLoadLimits implements LoadLimitsPolicy {

    @Inject
    MoneyConfig config;

    @Override
    public LoadLimits forPartner(String partnerId) {
        return config.limits().toLoadLimits();
    }
}
