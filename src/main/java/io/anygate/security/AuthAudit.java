package io.anygate.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Audit trail of authentication failures (logger category {@code io.anygate.audit}): partner (or the
 * client_id/username offered), origin IP, time and reason. Never a secret, token or signature.
 */
@ApplicationScoped
public class AuthAudit {

    private static final Logger AUDIT = Logger.getLogger("io.anygate.audit");

    @Inject
    Clock clock;

    public void failure(String partner, String ip, AuthFailure reason) {
        AUDIT.warnf("auth-failure partner=%s ip=%s time=%s reason=%s",
                sanitize(partner), sanitize(ip), clock.instant(), reason);
    }

    /** A partner locked out: the how-many-th lockout since its last successful login, and for how long. */
    public void lockout(String partner, String ip, int ordinal, java.time.Duration duration) {
        AUDIT.warnf("auth-lockout partner=%s ip=%s time=%s lockout=%d duration=%s", sanitize(partner), sanitize(ip),
                clock.instant(), ordinal, duration);
    }

    /**
     * How an offered client_id that names no partner is logged: a short SHA-256 fingerprint, not the text (a partner
     * that swapped its form fields would otherwise put its client secret in the audit log). Operators match it with
     * {@code printf %s <client_id> | sha256sum | cut -c1-12}.
     */
    public static String unknownClient(String offered) {
        if (offered == null || offered.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(offered.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "client#" + java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // caller-supplied text: keep log lines single and short
    private static String sanitize(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        String clean = value.replaceAll("[^A-Za-z0-9._:@/-]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "..." : clean;
    }

    /** Why an authentication failed. */
    public enum AuthFailure {
        MISSING_CREDENTIALS, BAD_REQUEST, UNKNOWN_CLIENT, BAD_CLIENT_SECRET, BAD_PASSWORD, LOCKED_OUT, BAD_TOKEN,
        EXPIRED_TOKEN, IP_NOT_ALLOWED, BAD_SIGNATURE, VALIDATION_DATA_REUSED,
        /** A multi-request sub-request header naming no open ticket (forged, replayed, or for another route). */
        BAD_SUB_REQUEST_TICKET
    }
}
