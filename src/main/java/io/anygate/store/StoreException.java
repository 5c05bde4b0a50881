package io.anygate.store;

/** The store failed (unreachable, constraint broken unexpectedly). Never shown to a partner in detail. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
