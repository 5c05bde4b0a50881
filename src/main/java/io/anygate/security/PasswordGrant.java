package io.anygate.security;

import io.anygate.security.AuthAudit.AuthFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;

/**
 * The OAuth2 password grant of {@code POST /oauth/v2/token}. Order of checks and the code each failure gets
 * (documented in docs/architecture.md): missing parameter or grant type other than {@code password} 4010020;
 * unknown client_id or wrong client_secret 4010030; IP 4010060; signature 4010070; replay 4010080; locked out
 * 4010010; username not the client's or wrong password 4010040.
 */
@ApplicationScoped
public class PasswordGrant {

    @Inject
    AuthAudit audit;
    @Inject
    PartnerRegistry registry;
    @Inject
    AccessTokens tokens;
    @Inject
    LoginLockout lockout;
    @Inject
    EdgeAuthenticator edge;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    CurrentPartner current;

    /** The form of the token request (any field may be null). */
    public record TokenRequest(String grantType, String clientId, String clientSecret, String username, String password) {
    }

    public AccessTokens.Issued grant(TokenRequest form, EdgeAuthenticator.Credentials headers, InetAddress client) {
        String ip = client.getHostAddress();
        rateLimiter.checkIp(client);
        if (blank(form.grantType()) || blank(form.clientId()) || blank(form.clientSecret()) || blank(form.username())
                || blank(form.password())) {
            audit.failure(AuthAudit.unknownClient(form.clientId()), ip, AuthFailure.BAD_REQUEST);
            throw new EdgeRefusal(EdgeRefusal.Reason.INVALID_REQUEST,
                    "grant_type, client_id, client_secret, username and password are required");
        }
        if (!"password".equals(form.grantType())) {
            audit.failure(AuthAudit.unknownClient(form.clientId()), ip, AuthFailure.BAD_REQUEST);
            throw new EdgeRefusal(EdgeRefusal.Reason.INVALID_REQUEST,
                    "Invalid grant_type parameter or parameter missing (only password is supported)");
        }
        Partner partner = registry.byClientId(form.clientId()).orElse(null);
        if (partner == null) {
            // No bcrypt here: a known client's secret is checked only after its IP and signature, so no dummy check
            // could make the two cases take the same time (their answers differ anyway), and one would hand anyone
            // without credentials a 100-ms CPU cost per request.
            audit.failure(AuthAudit.unknownClient(form.clientId()), ip, AuthFailure.UNKNOWN_CLIENT);
            throw new EdgeRefusal(EdgeRefusal.Reason.INVALID_CLIENT, "The client credentials are invalid");
        }
        if (!partner.ipAllowed(client)) {
            audit.failure(partner.partnerId(), ip, AuthFailure.IP_NOT_ALLOWED);
            throw new EdgeRefusal(EdgeRefusal.Reason.IP_NOT_ALLOWED, "IP address not allowed: " + ip);
        }
        PartnerKey key = edge.verify(partner, headers, ip);
        edge.claim(partner, key, headers.validationData(), ip);
        LoginLockout.Attempt attempt = lockout.begin(partner.partnerId());
        if (!attempt.allowed()) {
            audit.failure(partner.partnerId(), ip, AuthFailure.LOCKED_OUT);
            throw new EdgeRefusal(EdgeRefusal.Reason.ACCESS_DENIED,
                    "Too many failed attempts: access is locked for a while");
        }
        if (!Secrets.bcryptMatches(partner.clientSecretHash(), form.clientSecret())) {
            fail(partner, ip, AuthFailure.BAD_CLIENT_SECRET, attempt);
            throw new EdgeRefusal(EdgeRefusal.Reason.INVALID_CLIENT, "The client credentials are invalid");
        }
        if (!partner.username().equals(form.username()) || !Secrets.bcryptMatches(partner.passwordHash(), form.password())) {
            fail(partner, ip, AuthFailure.BAD_PASSWORD, attempt);
            throw new EdgeRefusal(EdgeRefusal.Reason.INVALID_GRANT, "Invalid username and password combination");
        }
        lockout.succeeded(partner.partnerId());
        current.authenticate(partner);
        return tokens.issue(partner.partnerId());
    }

    /** The attempt was counted as failed when it began ({@link LoginLockout#begin}); this only says so. */
    private void fail(Partner partner, String ip, AuthFailure reason, LoginLockout.Attempt attempt) {
        audit.failure(partner.partnerId(), ip, reason);
        if (attempt.lastBeforeLock()) {
            audit.lockout(partner.partnerId(), ip, attempt.lock().ordinal(), attempt.lock().duration());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
