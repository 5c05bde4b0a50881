package io.anygate.tx;

/**
 * A TX call that did not end in an approved answer. The subclasses say why; {@link #outcome()} is the value of
 * the {@code outcome} tag of the TX client metrics.
 */
public abstract class TxException extends RuntimeException {

    protected TxException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code declined}, {@code not_found}, {@code invalid}, {@code unavailable} or {@code timeout}. */
    public abstract String outcome();
}
