package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** TX {@code common-MonetaryValue}: an amount (never a double) and its alpha-3 currency. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonetaryValue(BigDecimal amt, String ccy) {
}
