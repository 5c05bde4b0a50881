package io.anygate.anytime;

/**
 * An answer kept for an Idempotency-Key, exactly as it was written: HTTP status, Content-Type, the gateway
 * signature header and the body bytes (the whole envelope, request_id and timestamp included).
 */
public record IdempotentAnswer(int status, String contentType, String signature, byte[] body) {
}
