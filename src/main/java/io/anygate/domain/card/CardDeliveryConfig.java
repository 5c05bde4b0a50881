package io.anygate.domain.card;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Delivery to the cardholder ({@code POST /v1.0/cards/{card_ref}/pin} and {@code /pan}): how many sends a card may
 * have per day, and how the messages go out through TX's {@code subject/notification}.
 */
@ConfigMapping(prefix = "gateway.card-delivery")
public interface CardDeliveryConfig {

    /** PIN texts per card and day (the Anytime day, Europe/Paris; every replica counted). */
    @WithDefault("3")
    int pinPerDay();

    /** Card-details messages (email or SMS) per card and day. */
    @WithDefault("5")
    int panPerDay();

    /** TX {@code channelKind} of a text message (the notification type TX's interface configuration knows). */
    @WithDefault("SMS")
    String smsChannelKind();

    /** TX {@code channelKind} of an email. */
    @WithDefault("Email")
    String emailChannelKind();

    /** {@code messageSubject} of the PIN text. */
    @WithDefault("Your card PIN")
    String pinSubject();

    /** {@code messageSubject} of the card-details message. */
    @WithDefault("Your virtual card details")
    String panSubject();
}
