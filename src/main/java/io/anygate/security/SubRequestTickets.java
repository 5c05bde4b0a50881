package io.anygate.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time tickets that let a sub-request of {@code POST /v1.0/multi-request} through the edge without a
 * validation data of its own: the batch was authenticated once (token, signature, single-use validation data), and
 * this process then sends each sub-request to its own HTTP listener carrying a ticket in {@link #HEADER}.
 *
 * <p>A ticket is 256 random bits held only in this process's memory, issued for one partner, one batch, one index,
 * one method and one path, and removed when redeemed (or when its sub-request ends unanswered): it cannot be guessed,
 * replayed, used for another route, or used on another replica. A header that names no open ticket is refused like
 * missing credentials (4010010).
 */
@ApplicationScoped
public class SubRequestTickets {

    /** The request header carrying a ticket. */
    public static final String HEADER = "X-Anygate-Sub-Request";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Ticket> open = new ConcurrentHashMap<>();

    /**
     * What a ticket stands for.
     *
     * @param partnerId      the batch's authenticated partner
     * @param client         the address the batch came from (allowlist and per-IP rate limit of each sub-request)
     * @param batchRequestId the batch's envelope request_id (named in the sub-request's access line)
     * @param index          the sub-request's position in the batch, from 0
     * @param method         the only HTTP method the ticket admits
     * @param path           the only raw path the ticket admits
     * @param tokenHash      the hash of the token the batch was admitted with: each sub-request checks it again, so
     *                       that a token superseded or expired while the batch runs stops its next sub-requests
     */
    public record Ticket(String partnerId, InetAddress client, long batchRequestId, int index, String method,
            String path, String tokenHash) {
    }

    /** Opens a ticket and answers its header value. */
    public String issue(Ticket ticket) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        open.put(value, ticket);
        return value;
    }

    /** Takes the ticket out for good; empty when there is none under this value or it was issued for another call. */
    public Optional<Ticket> redeem(String value, String method, String path) {
        Ticket ticket = value == null ? null : open.remove(value.trim());
        if (ticket == null || !ticket.method().equals(method) || !ticket.path().equals(path)) {
            return Optional.empty();
        }
        return Optional.of(ticket);
    }

    /** Drops a ticket whose sub-request ended without redeeming it (refused before authentication, or lost). */
    public void withdraw(String value) {
        open.remove(value);
    }
}
