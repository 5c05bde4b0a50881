package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * TX {@code common-TranDeclineRs} (HTTP 422), and also the {@code {code, description}} body of a 400 or 404.
 * {@code code} is read as a string (the spec's example shows a number).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TranDeclineRs(Long tranId, String result, String code, String description) {
}
