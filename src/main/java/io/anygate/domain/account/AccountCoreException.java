package io.anygate.domain.account;

/**
 * The core (TX) could not do what an account operation asked. {@link Kind#UNAVAILABLE}: not reachable or no answer
 * in time, a write's outcome may be unknown (retry under the same matchKey); {@link Kind#REJECTED}: refused for good
 * (declined, malformed); {@link Kind#NOT_FOUND}: the object does not exist.
 */
public class AccountCoreException extends RuntimeException {

    /** Why the core call failed. */
    public enum Kind { UNAVAILABLE, REJECTED, NOT_FOUND }

    private final Kind kind;

    public AccountCoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
