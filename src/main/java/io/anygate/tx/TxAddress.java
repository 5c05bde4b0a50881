package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** TX {@code common-Address}: postal address and contact details ({@code country} is ISO numeric). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TxAddress(String zip, Integer country, String region, String area, String city, String street,
        String house, String building, String flat, String addressInCity, String addressInCountry,
        String recipientName, String phone, String mobile, String email) {
}
