package io.anygate.tx;

/**
 * TX refused our credentials (HTTP 401 or 403): the gateway is misconfigured ({@code gateway.tx.username} /
 * {@code gateway.tx.password}). Logged at ERROR, never retried, counted as a TX failure by the breaker.
 */
public class TxUnauthorizedException extends TxException {

    public TxUnauthorizedException(String message) {
        super(message, null);
    }

    @Override
    public String outcome() {
        return "unavailable";
    }
}
