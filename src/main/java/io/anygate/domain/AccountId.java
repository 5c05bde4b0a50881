package io.anygate.domain;

import java.util.Optional;

/**
 * The Anytime account id {@code acc_id} (an integer): the TX id of the account contract. Reversible with no lookup.
 * Bounded by 2^53 - 1 so that every JSON reader (PHP floats, JavaScript) keeps it exact.
 */
public record AccountId(long txContractId) {

    /** The largest acc_id we hand out: 2^53 - 1. */
    public static final long MAX_ID = 9_007_199_254_740_991L;

    public AccountId {
        if (txContractId < 1 || txContractId > MAX_ID) {
            throw new IllegalArgumentException("TX contract id out of acc_id range: " + txContractId);
        }
    }

    /** Parses an acc_id from a path or form parameter: decimal digits only, no sign, no leading zero, 1..2^53-1. */
    public static Optional<AccountId> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 16 || text.charAt(0) == '0') {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        long id = Long.parseLong(text);
        return id > MAX_ID ? Optional.empty() : Optional.of(new AccountId(id));
    }

    /** The acc_id of a TX contract id. */
    public static AccountId ofTxContract(long txContractId) {
        return new AccountId(txContractId);
    }

    /** The Anytime integer. */
    public long value() {
        return txContractId;
    }

    @Override
    public String toString() {
        return Long.toString(txContractId);
    }
}
