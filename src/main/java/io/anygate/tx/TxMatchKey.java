package io.anygate.tx;

import java.util.Objects;

/**
 * The gateway's idempotency key for one TX write, sent as {@code tranRq.match.key}. A retry of the same
 * operation reuses the same key byte for byte, which is what makes retrying a write safe; every write method
 * of the TX adapter takes one. Keys are case-sensitive, at most 64 characters, unique across all operations.
 */
public record TxMatchKey(String value) {

    /** Longest key TX accepts. */
    public static final int MAX_LENGTH = 64;

    public TxMatchKey {
        Objects.requireNonNull(value, "matchKey");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("matchKey must be 1.." + MAX_LENGTH + " characters");
        }
    }

    public static TxMatchKey of(String value) {
        return new TxMatchKey(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
