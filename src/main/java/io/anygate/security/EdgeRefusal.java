package io.anygate.security;

/**
 * The edge refused a caller: missing or bad credentials, token, signature, IP, reused validation data, a rate limit
 * or a functionality the partner may not use. Security names the reason in its own terms; the inbound adapter turns
 * it into the protocol's error code. The message is safe to show to the caller (never a secret or internal detail).
 */
public class EdgeRefusal extends RuntimeException {

    /** Why a caller was refused. */
    public enum Reason {
        /** No or incomplete credentials, a locked-out login, no open sub-request ticket. */
        ACCESS_DENIED,
        /** A token request without its required fields or with another grant type. */
        INVALID_REQUEST,
        /** Unknown client id or wrong client secret. */
        INVALID_CLIENT,
        /** Wrong username or password. */
        INVALID_GRANT,
        /** Unknown, superseded or expired access token. */
        INVALID_TOKEN,
        /** The caller's address is not in the partner's allowlist. */
        IP_NOT_ALLOWED,
        /** The request signature matches none of the partner's keys. */
        BAD_SIGNATURE,
        /** The validation data was already claimed by an earlier request. */
        VALIDATION_DATA_REUSED,
        /** The partner may not use this functionality. */
        FUNCTIONALITY_NOT_ALLOWED,
        /** The per-IP rate limit is reached. */
        RATE_LIMITED_IP,
        /** The per-API-user rate limit is reached. */
        RATE_LIMITED_USER,
        /** The per-functionality rate limit is reached. */
        RATE_LIMITED_FUNCTIONALITY
    }

    private final Reason reason;

    public EdgeRefusal(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
