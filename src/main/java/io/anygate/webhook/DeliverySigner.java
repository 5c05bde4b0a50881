package io.anygate.webhook;

/**
 * Signs the exact bytes of a webhook delivery body; the result is sent as the {@code X-Gateway-Signature} header so
 * that a receiver can check the body came from the gateway. Bridged to {@code io.anygate.security.GatewaySigner}.
 */
public interface DeliverySigner {

    /** Header name carrying the signature. */
    String HEADER = "X-Gateway-Signature";

    /** The header value for this body. */
    String sign(byte[] body);
}
