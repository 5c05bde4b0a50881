package io.anygate.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The caller's address: the TCP peer, unless the peer is a configured trusted proxy, in which case
 * X-Forwarded-For is read from the right, skipping trusted proxies, and the first other address is the client.
 * X-Forwarded-For from any other peer is ignored (anyone can write it).
 */
@ApplicationScoped
public class ClientAddressResolver {

    private final List<IpRange> trusted;

    ClientAddressResolver(SecurityConfig config) {
        // "none": nothing in front of the gateway, said explicitly (production requires the setting).
        this.trusted = config.trustedProxies().orElse(List.of()).stream()
                .filter(s -> !s.isBlank() && !s.trim().equalsIgnoreCase("none")).map(IpRange::parse).toList();
    }

    /**
     * The same from every X-Forwarded-For line of the request, in order (a proxy may add its own line rather than
     * extend the last one; reading only the first would believe what the caller wrote there).
     */
    public Optional<InetAddress> resolve(String peer, List<String> forwardedForLines) {
        return resolve(peer, forwardedForLines == null || forwardedForLines.isEmpty() ? null
                : String.join(",", forwardedForLines));
    }

    /** Empty when the peer address is not an IP literal (never expected from a TCP socket). */
    public Optional<InetAddress> resolve(String peer, String forwardedFor) {
        Optional<InetAddress> peerAddress = IpRange.literal(peer);
        if (peerAddress.isEmpty() || !isTrusted(peerAddress.get()) || forwardedFor == null || forwardedFor.isBlank()) {
            return peerAddress;
        }
        String[] hops = forwardedFor.length() > 2048 ? new String[0] : forwardedFor.split(",");
        InetAddress client = peerAddress.get();
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpRange.literal(hops[i]);
            if (hop.isEmpty()) {
                // garbage written by someone upstream: believe nothing beyond the last trusted hop
                return Optional.of(client);
            }
            client = hop.get();
            if (!isTrusted(client)) {
                return Optional.of(client);
            }
        }
        return Optional.of(client);
    }

    private boolean isTrusted(InetAddress address) {
        for (IpRange range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
