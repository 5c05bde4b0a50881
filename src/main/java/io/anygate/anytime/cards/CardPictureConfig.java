package io.anygate.anytime.cards;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The card pictures of {@code GET /v1.0/cards/{card_ref}/pan} for a multi use virtual card ({@link CardPictures}).
 * The template is the gateway's own: a background per side (an image of the operator's, or a plain colour) with the
 * card's details drawn over it.
 */
@ConfigMapping(prefix = "gateway.card-pictures")
public interface CardPictureConfig {

    /** Width of each picture in pixels; the height follows the ID-1 card format (85.60 × 53.98 mm). */
    @WithDefault("640")
    int width();

    /** A PNG or JPEG file drawn as the front's background, scaled to the picture; none: {@link #background()}. */
    Optional<String> frontTemplate();

    /** A PNG or JPEG file drawn as the back's background, scaled to the picture; none: {@link #background()}. */
    Optional<String> backTemplate();

    /** Background colour where no template is set, {@code #RRGGBB}. */
    @WithDefault("#1E3A5F")
    String background();

    /** Colour of the text drawn on the card, {@code #RRGGBB}. */
    @WithDefault("#FFFFFF")
    String foreground();

    /** The name printed at the top of the front. */
    @WithDefault("anygate")
    String brand();
}
