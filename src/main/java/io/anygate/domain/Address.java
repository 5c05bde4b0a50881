package io.anygate.domain;

/** A postal address of an account holder or a card delivery; TX {@code common-Address} with a numeric country. */
public record Address(String line1, String line2, String zip, String city, Country country) {
}
