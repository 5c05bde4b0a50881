package io.anygate.domain.card;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The CVC check of {@code GET /v1.0/cards/{card_ref}/pin}: how many wrong CVCs lock the route, and for how long. */
@ConfigMapping(prefix = "gateway.card-pin")
public interface CardPinConfig {

    /** Wrong CVCs in a row (per card, every replica counted) that lock the card's PIN route. */
    @WithDefault("5")
    int maxWrongCvcs();

    /** How long the PIN route of a card stays locked after the last wrong CVC allowed. */
    @WithDefault("PT24H")
    Duration lockFor();
}
