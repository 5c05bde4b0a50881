package io.anygate.domain;

/**
 * The company of a business account (Anytime {@code corp_*}; TX subject of kind {@code Corporation}).
 *
 * @param address null when the partner gave none
 */
public record Corporation(
        String name,
        String registrationNumber,
        String legalType,
        String activity,
        String vatNumber,
        Address address) {
}
