package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** TX {@code contract}: an account (financial contract) or card contract of a client. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contract(ContractRef ref, String className, CatalogueRef type, SubjectRef client,
        ContractDetails details, List<UserAttr> userAttrs) {

    public static final String CREATED = "Created";
    public static final String ACTIVE = "Active";
    public static final String CLOSED = "Closed";

    /** The available balance; zero when TX answers none (a contract that never moved money). */
    @JsonIgnore
    public BigDecimal availableOrZero() {
        return details == null || details.balances() == null || details.balances().available() == null
                ? BigDecimal.ZERO : details.balances().available();
    }
}
