package io.anygate.domain.card;

import java.util.Optional;

/**
 * The delivery of ordered cards as the card core knows it (port; the TX adapter implements it). Failures to reach
 * the core surface as {@link CardCoreUnavailable}.
 */
public interface CardLogistics {

    /**
     * The carrier and tracking number of the card's delivery; empty while the core reports neither (not shipped
     * yet, a virtual card, a card collected at a branch), never a guessed one.
     */
    Optional<CardShipment> shipment(long cardId);
}
