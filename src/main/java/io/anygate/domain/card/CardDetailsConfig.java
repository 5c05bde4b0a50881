package io.anygate.domain.card;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The card-details page of {@code POST /v1.0/cards/{card_ref}/details-display}. */
@ConfigMapping(prefix = "gateway.card-details")
public interface CardDetailsConfig {

    /** How long a link may be opened after it was made (it opens once). */
    @WithDefault("PT5M")
    Duration linkLifetime();

    /**
     * The gateway's public base URL as the final customer's browser reaches it ({@code https://cards.example.com});
     * the link is this followed by {@code /card-details/{token}}. Unset: the base URL of the partner's request.
     */
    Optional<String> publicBaseUrl();
}
