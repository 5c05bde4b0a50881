package io.anygate.domain.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.List;

/** How Anytime accounts map onto TX (contract types, currencies, statement scans). */
@ConfigMapping(prefix = "gateway.mapping")
public interface AccountMappingConfig {

    /** TX contract type rid of a consumer account contract. */
    @WithDefault("CT-ACCOUNT-CONSUMER")
    String consumerContractType();

    /** TX contract type rid of a business account contract. */
    @WithDefault("CT-ACCOUNT-BUSINESS")
    String businessContractType();

    /** Currencies an account may be opened in (ISO 4217 alpha-3); any other acc_currency answers 4000210. */
    @WithDefault("EUR,USD,GBP,CHF")
    List<String> currencies();

    /** Balance a new account is funded with in sandbox mode (0: none); never applied in production. */
    @WithDefault("1000.00")
    BigDecimal sandboxOpeningBalance();

    /** Most TX transactions read to answer one statement request (exact total_results up to this many). */
    @WithDefault("5000")
    int statementScanLimit();

    /** The contract type rid of an account type. */
    default String contractType(io.anygate.domain.AccountType type) {
        return type == io.anygate.domain.AccountType.BUSINESS ? businessContractType() : consumerContractType();
    }
}
