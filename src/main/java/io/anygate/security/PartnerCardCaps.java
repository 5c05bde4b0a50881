package io.anygate.security;

import io.anygate.domain.card.CardCaps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;

/** The card caps of each partner, from the partners file ({@code limits.cards_per_account}); read per call. */
@ApplicationScoped
public class PartnerCardCaps implements CardCaps {

    @Inject
    PartnerRegistry registry;

    @Override
    public OptionalLong perAccount(String partnerId) {
        return registry.find(partnerId).map(p -> p.limits().cardsPerAccount()).orElse(OptionalLong.empty());
    }
}
