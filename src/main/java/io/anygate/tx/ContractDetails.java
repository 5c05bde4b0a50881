package io.anygate.tx;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * TX {@code contract.details}: the common contract details (status, name) with the currency, credit limit and
 * balances of the credit and "shadow" contract classes, read as one record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractDetails(String status, String name, CatalogueRef restrictionsProfile, String mainCcy,
        BigDecimal cclBaseAmt, Balances balances) {

    /** Contract balances; {@code available} is what can be spent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Balances(BigDecimal available, BigDecimal ownAvailable, BigDecimal ledger, BigDecimal financial,
            BigDecimal curCreditHolds, BigDecimal curDebitHold, BigDecimal debt, BigDecimal creditLimit,
            BigDecimal permittedOverdraft) {
    }
}
