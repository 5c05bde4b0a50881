package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** TX {@code contract-ContractRef}: a contract (account) by internal {@code id}, {@code rid} or {@code extRid}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractRef(Long id, String rid, String extRid) {

    public static ContractRef ofId(long id) {
        return new ContractRef(id, null, null);
    }

    public static ContractRef ofRid(String rid) {
        return new ContractRef(null, rid, null);
    }
}
