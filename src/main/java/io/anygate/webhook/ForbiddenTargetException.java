package io.anygate.webhook;

/** A webhook URL the gateway refuses to call: bad scheme, or a name that resolves to a forbidden address. */
public class ForbiddenTargetException extends Exception {

    public ForbiddenTargetException(String message) {
        super(message);
    }
}
