package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** TX {@code card-CardRef}: a card by internal {@code id} and/or reference {@code rid}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TxCardRef(Long id, String rid) {

    public static TxCardRef ofId(long id) {
        return new TxCardRef(id, null);
    }

    public static TxCardRef ofRid(String rid) {
        return new TxCardRef(null, rid);
    }
}
