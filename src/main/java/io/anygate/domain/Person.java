package io.anygate.domain;

import java.time.LocalDate;

/**
 * The cardholder of an account (Anytime {@code user_*}; TX subject of kind {@code Person}).
 *
 * @param mobile international number, digits only ({@code 33600000000})
 */
public record Person(
        Gender gender,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String birthPlace,
        String email,
        String mobile,
        Address address,
        Country nationality) {
}
