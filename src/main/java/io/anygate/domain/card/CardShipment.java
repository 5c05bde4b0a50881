package io.anygate.domain.card;

/** A card's parcel as the card core reports it: the carrier that has it and the carrier's tracking number. */
public record CardShipment(String carrier, String trackingNumber) {
}
