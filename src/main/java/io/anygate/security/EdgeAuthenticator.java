package io.anygate.security;

import io.anygate.security.AuthAudit.AuthFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;

/**
 * Authenticates one versioned call: Bearer token, client IP allowlist, RSA signature over X-Validation-Data,
 * single use of the validation data, rate limits and allowed functionality; then publishes the partner as
 * {@link CurrentPartner}. Store round trips: token lookup and replay claim, or one for both once this replica has
 * seen the token (plus rate-limit counters when on). A sub-request of a multi-request is admitted by its ticket
 * instead ({@link #authenticateSubRequest}).
 */
@ApplicationScoped
public class EdgeAuthenticator {

    static final String ACCESS_DENIED = "Access denied. You have to provide valid authentication information.";

    @Inject
    AuthAudit audit;
    @Inject
    AccessTokens tokens;
    @Inject
    PartnerRegistry registry;
    @Inject
    SignatureVerifier signatures;
    @Inject
    ReplayGuard replay;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    CurrentPartner current;

    /** The headers of one call, as received (any may be null). */
    public record Credentials(String authorization, String validationData, String signedRequest) {
    }

    public Partner authenticate(Credentials credentials, InetAddress client, String functionality) {
        String ip = client.getHostAddress();
        String token = bearer(credentials.authorization());
        if (token == null || credentials.validationData() == null || credentials.signedRequest() == null) {
            audit.failure(null, ip, AuthFailure.MISSING_CREDENTIALS);
            throw new EdgeRefusal(EdgeRefusal.Reason.ACCESS_DENIED, ACCESS_DENIED);
        }
        rateLimiter.checkIp(client);
        String tokenHash = token.length() > 512 ? null : Secrets.sha256Hex(token);
        Partner seen = tokenHash == null ? null : authenticateSeen(tokenHash, credentials, client, ip);
        if (seen != null) {
            admit(seen, client, null, tokenHash, functionality);
            return seen;
        }
        AccessTokens.Resolved resolved = tokenHash == null ? null : tokens.resolveHash(tokenHash).orElse(null);
        Partner partner = resolved == null ? null : registry.find(resolved.partnerId()).orElse(null);
        if (partner == null || resolved.expired()) {
            audit.failure(partner == null ? null : partner.partnerId(), ip,
                    partner == null ? AuthFailure.BAD_TOKEN : AuthFailure.EXPIRED_TOKEN);
            throw new EdgeRefusal(EdgeRefusal.Reason.INVALID_TOKEN,
                    partner == null ? "The access token provided is invalid." : "The access token provided has expired.");
        }
        requireAllowedIp(partner, client);
        PartnerKey key = verify(partner, credentials, ip);
        claim(partner, key, credentials.validationData(), ip);
        admit(partner, client, null, tokenHash, functionality);
        return partner;
    }

    /**
     * The same checks, in one store round trip, for a token this replica has seen: the partner it was issued to is
     * known here, so the IP allowlist and the signature are checked first, then one statement claims the
     * validation data if the token is still the partner's current, unexpired one. Null when that does not settle
     * it (token not seen, gone from the store, or a check failed): the caller then takes the path above, which
     * reads the token first and so refuses in the documented order (an invalid token before a bad signature).
     */
    private Partner authenticateSeen(String tokenHash, Credentials credentials, InetAddress client, String ip) {
        Partner partner = tokens.seenPartner(tokenHash).flatMap(registry::find).orElse(null);
        if (partner == null || !partner.ipAllowed(client)) {
            return null;
        }
        PartnerKey key;
        try {
            key = signatures.verify(partner, credentials.validationData(), credentials.signedRequest());
        } catch (EdgeRefusal e) {
            return null;
        }
        return switch (replay.claimUnderToken(partner.partnerId(), key.fingerprint(), credentials.validationData(),
                tokenHash)) {
            case CLAIMED -> partner;
            case REUSED -> throw reused(partner, ip);
            // the path that reads the token answers it, and updates or drops what this replica remembers of it
            case TOKEN_NOT_CURRENT -> null;
        };
    }

    /**
     * Admits a sub-request of a multi-request that this process dispatched to itself: its one-time ticket
     * ({@link SubRequestTickets}) stands for the token, signature and validation data the batch was authenticated
     * with, once. The IP allowlist (with the batch's client address), the rate limits and the allowed
     * functionality are checked again for each sub-request, as for a direct call. No ticket ({@code null}: the
     * header named none that is open for this method and path): 4010010, like a call without credentials.
     */
    public Partner authenticateSubRequest(SubRequestTickets.Ticket ticket, InetAddress peer, String functionality) {
        if (ticket == null) {
            audit.failure(null, peer.getHostAddress(), AuthFailure.BAD_SUB_REQUEST_TICKET);
            throw new EdgeRefusal(EdgeRefusal.Reason.ACCESS_DENIED, ACCESS_DENIED);
        }
        InetAddress client = ticket.client();
        rateLimiter.checkIp(client);
        Partner partner = registry.find(ticket.partnerId()).orElse(null);
        // the batch's token again, as a direct call would check it: superseded or expired while the batch runs,
        // the next sub-requests are refused (one store read, like a direct call's)
        AccessTokens.Resolved resolved = tokens.resolveHash(ticket.tokenHash()).orElse(null);
        if (partner == null || resolved == null || !resolved.partnerId().equals(partner.partnerId())) {
            // removed from the partners file, or its token superseded, while its batch ran
            audit.failure(ticket.partnerId(), client.getHostAddress(), AuthFailure.BAD_TOKEN);
            throw new EdgeRefusal(EdgeRefusal.Reason.INVALID_TOKEN, "The access token provided is invalid.");
        }
        if (resolved.expired()) {
            audit.failure(ticket.partnerId(), client.getHostAddress(), AuthFailure.EXPIRED_TOKEN);
            throw new EdgeRefusal(EdgeRefusal.Reason.INVALID_TOKEN, "The access token provided has expired.");
        }
        requireAllowedIp(partner, client);
        admit(partner, client, ticket, ticket.tokenHash(), functionality);
        return partner;
    }

    private void requireAllowedIp(Partner partner, InetAddress client) {
        if (!partner.ipAllowed(client)) {
            String ip = client.getHostAddress();
            audit.failure(partner.partnerId(), ip, AuthFailure.IP_NOT_ALLOWED);
            throw new EdgeRefusal(EdgeRefusal.Reason.IP_NOT_ALLOWED, "IP address not allowed: " + ip);
        }
    }

    private void admit(Partner partner, InetAddress client, SubRequestTickets.Ticket ticket, String tokenHash,
            String functionality) {
        current.authenticate(partner, client, ticket, tokenHash);
        rateLimiter.checkPartner(partner, functionality);
        if (!partner.functionalityAllowed(functionality)) {
            throw new EdgeRefusal(EdgeRefusal.Reason.FUNCTIONALITY_NOT_ALLOWED,
                    "Functionality not allowed: " + functionality);
        }
    }

    PartnerKey verify(Partner partner, Credentials credentials, String ip) {
        try {
            return signatures.verify(partner, credentials.validationData(), credentials.signedRequest());
        } catch (EdgeRefusal e) {
            audit.failure(partner.partnerId(), ip, AuthFailure.BAD_SIGNATURE);
            throw e;
        }
    }

    void claim(Partner partner, PartnerKey key, String validationData, String ip) {
        if (!replay.claim(partner.partnerId(), key.fingerprint(), validationData)) {
            throw reused(partner, ip);
        }
    }

    private EdgeRefusal reused(Partner partner, String ip) {
        audit.failure(partner.partnerId(), ip, AuthFailure.VALIDATION_DATA_REUSED);
        return new EdgeRefusal(EdgeRefusal.Reason.VALIDATION_DATA_REUSED, "Validation data already used");
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
