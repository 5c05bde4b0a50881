package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** TX {@code card-CardRef}: a card by internal {@code id} and/or reference {@code rid}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CardRef(Long id, String rid) {

    public static CardRef ofId(long id) {
        return new CardRef(id, null);
    }

    public static CardRef ofRid(String rid) {
        return new CardRef(null, rid);
    }
}
