package io.anygate.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.bouncycastle.util.IPAddress;

/** An IPv4 or IPv6 address or CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code ::1}). */
public final class IpRange {

    private final byte[] network;
    private final int prefix;
    private final String text;

    private IpRange(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** Parses an address or CIDR; throws IllegalArgumentException naming the bad text. */
    public static IpRange parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address = literal(host)
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR: '" + text + "'"));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad CIDR prefix in '" + text + "'");
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("CIDR prefix out of range in '" + text + "'");
            }
        }
        return new IpRange(address.getAddress(), prefix, trimmed);
    }

    /**
     * Parses an IP literal without ever resolving a host name (X-Forwarded-For is caller-controlled text).
     * IPv4-mapped IPv6 addresses come back as IPv4.
     */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String host = text.trim();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        if (host.isEmpty() || host.length() > 45 || !IPAddress.isValid(host)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return text;
    }
}
