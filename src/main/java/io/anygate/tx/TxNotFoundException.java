package io.anygate.tx;

/** TX knows no object under the reference given (HTTP 404). An expected answer, never retried. */
public class TxNotFoundException extends TxException {

    public TxNotFoundException(String message) {
        super(message, null);
    }

    @Override
    public String outcome() {
        return "not_found";
    }
}
