package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * TX {@code subject}: a person ({@code kind = Person}) or a company ({@code kind = Corporation}) with the
 * details the Anytime account holder needs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subject(SubjectRef ref, CatalogueRef type, String kind, SubjectDetails details) {

    public static final String PERSON = "Person";
    public static final String CORPORATION = "Corporation";
}
