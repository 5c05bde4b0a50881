package io.anygate.domain.iban;

import java.time.Instant;
import java.util.Objects;

/**
 * One IBAN of an account: its main IBAN ({@link Kind#MAIN}, at most one per account) or a virtual IBAN routed to the
 * same account ({@link Kind#CREDIT} or {@link Kind#DEBIT}).
 *
 * @param onCore whether TX's account contract carries it already (its attribute write may still be owed)
 */
public record IssuedIban(String iban, long accountId, String partnerId, Kind kind, String country, String bic,
        boolean onCore, Instant createdAt) {

    /** What the IBAN is to its account; {@code code} is the Anytime virtual IBAN type. */
    public enum Kind {
        MAIN("M"), CREDIT("C"), DEBIT("D");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind ofCode(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no IBAN kind " + code);
        }
    }

    public IssuedIban {
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(kind, "kind");
    }

    public IssuedIban onCoreNow() {
        return new IssuedIban(iban, accountId, partnerId, kind, country, bic, true, createdAt);
    }

    public boolean virtual() {
        return kind != Kind.MAIN;
    }
}
