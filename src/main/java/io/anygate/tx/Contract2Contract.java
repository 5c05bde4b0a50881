package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** TX {@code contract2contract}: a link between two contracts (for example a card contract to its account). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contract2Contract(Long id, ContractRef contract1, String contract1Name, ContractRef contract2,
        String contract2Name, String kind, String status, Integer seq) {
}
