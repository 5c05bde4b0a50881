package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** TX {@code common-UserAttr}: a user-defined attribute, {@code rid} = {@code val}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserAttr(String rid, String val) {
}
