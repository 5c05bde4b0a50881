package io.anygate.tx;

/** TX rejected the request as malformed (HTTP 400): a bug on our side or bad input, never retried. */
public class TxInvalidRequestException extends TxException {

    public TxInvalidRequestException(String message) {
        super(message, null);
    }

    @Override
    public String outcome() {
        return "invalid";
    }
}
