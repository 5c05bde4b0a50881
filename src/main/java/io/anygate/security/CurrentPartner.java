package io.anygate.security;

import jakarta.enterprise.context.RequestScoped;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * The partner authenticated for the current request (set by the edge once token, IP, signature and replay checks
 * passed), the address it called from and, for a sub-request of a multi-request, the batch's ticket. Resources
 * behind {@code /v1.0/...} inject it; outside an authenticated request the accessors refuse with
 * {@link EdgeRefusal.Reason#ACCESS_DENIED} (4010010).
 */
@RequestScoped
public class CurrentPartner {

    private volatile Partner partner;
    private volatile InetAddress client;
    private volatile SubRequestTickets.Ticket subRequest;
    private volatile String tokenHash;

    void authenticate(Partner partner) {
        this.partner = partner;
    }

    void authenticate(Partner partner, InetAddress client, SubRequestTickets.Ticket subRequest, String tokenHash) {
        this.partner = partner;
        this.client = client;
        this.subRequest = subRequest;
        this.tokenHash = tokenHash;
    }

    /** The hash of the access token this request was admitted with (a sub-request: its batch's); never the token. */
    public Optional<String> tokenHash() {
        return Optional.ofNullable(tokenHash);
    }

    public boolean isAuthenticated() {
        return partner != null;
    }

    /** The whole registry entry. */
    public Partner partner() {
        Partner p = partner;
        if (p == null) {
            throw new EdgeRefusal(EdgeRefusal.Reason.ACCESS_DENIED,
                    "Access denied. You have to provide valid authentication information.");
        }
        return p;
    }

    /** The address the partner called from (a sub-request: its batch's); empty outside a versioned call. */
    public Optional<InetAddress> clientAddress() {
        return Optional.ofNullable(client);
    }

    /** The ticket this request was admitted with when it is a sub-request of a multi-request. */
    public Optional<SubRequestTickets.Ticket> subRequest() {
        return Optional.ofNullable(subRequest);
    }

    public String partnerId() {
        return partner().partnerId();
    }

    public String username() {
        return partner().username();
    }

    /** The username for the envelope hash: empty when no partner is known (documented in docs/architecture.md). */
    public String usernameOrEmpty() {
        Partner p = partner;
        return p == null ? "" : p.username();
    }

    public Optional<String> webhookUrl() {
        return partner().webhookUrl();
    }

    public boolean allowPrivateWebhookTargets() {
        return partner().allowPrivateWebhookTargets();
    }

    public PartnerLimits limits() {
        return partner().limits();
    }

    /** Allowed functionality names; empty means all. */
    public Set<String> functionalities() {
        return partner().functionalities();
    }
}
