package io.anygate.tx;

/**
 * TX could not serve the call: a 5xx, a refused or reset connection, its circuit breaker open or its bulkhead
 * full. Reads and keyed writes were retried before this surfaced.
 */
public class TxUnavailableException extends TxException {

    public TxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String outcome() {
        return "unavailable";
    }
}
