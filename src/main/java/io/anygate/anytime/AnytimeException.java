package io.anygate.anytime;

/**
 * An answer of the Anytime contract that is an error: carries the spec's code and a message safe to show to the
 * partner (never internal detail). Thrown anywhere on the inbound path; one exception mapper turns it into the
 * signed envelope with {@code body.error}.
 */
public class AnytimeException extends RuntimeException {

    private final AnytimeError error;

    public AnytimeException(AnytimeError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public AnytimeError error() {
        return error;
    }
}
