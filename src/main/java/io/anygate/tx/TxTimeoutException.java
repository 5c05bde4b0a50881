package io.anygate.tx;

/**
 * TX did not answer in time. For a write the outcome is unknown: it may have been applied. Repeat it with the
 * same {@link TxMatchKey} (TX then answers the original outcome) or look it up with
 * {@link TxTransfers#tranByMatchKey}.
 */
public class TxTimeoutException extends TxException {

    public TxTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String outcome() {
        return "timeout";
    }
}
