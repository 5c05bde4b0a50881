package io.anygate.domain.card;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Anytime cards are laid out in TX (catalogue rids). */
@ConfigMapping(prefix = "gateway.mapping")
public interface CardMappingConfig {

    /** Card settings. */
    Cards cards();

    /** The TX catalogue rids of a card. */
    interface Cards {
        /** Contract type of a card's own contract (the card balance). */
        @WithDefault("CT-CARD")
        String contractType();

        /** Card product of a PLASTIC card. */
        @WithDefault("CP-PHYSICAL")
        String physicalProduct();

        /** Card product of a virtual card (single and multi use alike). */
        @WithDefault("CP-VIRTUAL")
        String virtualProduct();

        /** Card design. */
        @WithDefault("DES-STANDARD")
        String design();

        /** Kind of the contract2contract link of a card contract to its account contract. */
        @WithDefault("CardToAccount")
        String linkKind();
    }
}
