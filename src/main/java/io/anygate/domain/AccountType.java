package io.anygate.domain;

import java.util.Optional;

/**
 * Anytime's {@code acc_type}. A consumer account is a TX {@code Person}; a business account a TX
 * {@code Corporation} with a {@code Person} cardholder. Only business accounts may order virtual cards.
 */
public enum AccountType {
    CONSUMER("consumer"),
    BUSINESS("business");

    private final String anytimeCode;

    AccountType(String anytimeCode) {
        this.anytimeCode = anytimeCode;
    }

    public String anytimeCode() {
        return anytimeCode;
    }

    /** The TX subject kind of the account holder. */
    public String txSubjectKind() {
        return this == BUSINESS ? "Corporation" : "Person";
    }

    /** From an Anytime code; the SDK sends lower case, upper case is tolerated. */
    public static Optional<AccountType> fromAnytime(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (AccountType t : values()) {
            if (t.anytimeCode.equalsIgnoreCase(code.trim())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
