package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference to a TX catalogue entry (contract type, subject type, card product, card design, restriction
 * profile): the spec gives each its own {@code *Ref} schema, all with the same {@code id} and {@code rid}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogueRef(Long id, String rid) {

    public static CatalogueRef ofRid(String rid) {
        return new CatalogueRef(null, rid);
    }
}
