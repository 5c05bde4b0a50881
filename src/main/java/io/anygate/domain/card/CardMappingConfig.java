package io.anygate.domain.card;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** How Anytime cards are laid out in TX (catalogue rids), and how an interrupted card order is resumed. */
@ConfigMapping(prefix = "gateway.mapping")
public interface CardMappingConfig {

    /** How long after its start an interrupted saga with an Idempotency-Key is resumed forward, not compensated. */
    @WithDefault("PT10M")
    Duration sagaResumeWindow();

    /** The zone of TX local date-times ({@code regTime}); UTC in the simulator. */
    @WithDefault("UTC")
    ZoneId txZone();

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
