package io.anygate.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which webhook URLs the gateway may call (server-side request forgery guard). Checked at delivery time on the
 * resolved addresses: every address a name resolves to must be allowed, and the delivery then connects to a checked
 * address. Loopback, link-local, private (RFC 1918, ULA), CGNAT, unspecified and multicast addresses are refused
 * unless the partner is allowed private targets; cloud metadata addresses are refused always. Production requires
 * https.
 */
public class TargetPolicy {

    private final HostResolver resolver;
    private final boolean httpsOnly;

    public TargetPolicy(HostResolver resolver, boolean httpsOnly) {
        this.resolver = resolver;
        this.httpsOnly = httpsOnly;
    }

    /** Validates the URL and resolves it to one checked address. */
    public ResolvedTarget resolve(String url, boolean allowPrivate) throws ForbiddenTargetException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new ForbiddenTargetException("webhook URL is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !httpsOnly)) {
            throw new ForbiddenTargetException(httpsOnly ? "webhook URL must use https" : "webhook URL must be http(s)");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null || uri.getRawFragment() != null) {
            throw new ForbiddenTargetException("webhook URL must have a host and no user info or fragment");
        }
        String host = uri.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new ForbiddenTargetException("webhook host does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new ForbiddenTargetException("webhook host does not resolve");
        }
        for (InetAddress a : addresses) {
            String refused = refusal(a, allowPrivate);
            if (refused != null) {
                throw new ForbiddenTargetException("webhook host resolves to a " + refused + " address");
            }
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        return new ResolvedTarget(url, scheme.equals("https"), bare, port, path, addresses.get(0));
    }

    /** Why an address is refused (its class), or null when allowed. */
    static String refusal(InetAddress address, boolean allowPrivate) {
        InetAddress a = unmapped(address);
        if (isMetadata(a)) {
            return "cloud metadata";
        }
        if (a.isAnyLocalAddress() || a.isMulticastAddress() || isBroadcast(a) || isReserved(a)) {
            return "non-unicast";
        }
        if (allowPrivate) {
            return null;
        }
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int o1 = b[0] & 0xff;
            int o2 = b[1] & 0xff;
            if (o1 == 10 || (o1 == 172 && o2 >= 16 && o2 <= 31) || (o1 == 192 && o2 == 168)) {
                return "private";
            }
            if (o1 == 100 && o2 >= 64 && o2 <= 127) {
                return "CGNAT";
            }
            if (o1 == 198 && (o2 == 18 || o2 == 19)) {
                return "private"; // 198.18/15, benchmarking networks
            }
        } else if ((b[0] & 0xfe) == 0xfc || ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0)) {
            return "private"; // fc00::/7 unique local, fec0::/10 site-local (deprecated, still routed in places)
        }
        return null;
    }

    /**
     * Cloud metadata and credential endpoints, refused even to partners allowed private targets: the whole IPv4
     * link-local range 169.254/16 (AWS/GCP/Azure metadata at .169.254, ECS task credentials at .170.2, EKS Pod
     * Identity at .170.23: no webhook receiver lives there), Alibaba's 100.100.100.200, and AWS's fd00:ec2::/32.
     */
    private static boolean isMetadata(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int o1 = b[0] & 0xff;
            int o2 = b[1] & 0xff;
            return (o1 == 169 && o2 == 254) || (o1 == 100 && o2 == 100 && (b[2] & 0xff) == 100 && (b[3] & 0xff) == 200);
        }
        return (b[0] & 0xff) == 0xfd && b[1] == 0 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2;
    }

    /** 0/8 "this network" (0.x reaches the host itself on Linux) and 240/4 reserved: no receiver of any partner. */
    private static boolean isReserved(InetAddress a) {
        int o1 = a.getAddress()[0] & 0xff;
        return a instanceof Inet4Address && (o1 == 0 || o1 >= 240);
    }

    private static boolean isBroadcast(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & b[1] & b[2] & b[3] & 0xff) == 0xff;
    }

    /**
     * IPv6 addresses that carry an IPv4 address are judged as that address: IPv4-mapped (::ffff:a.b.c.d),
     * IPv4-compatible (::a.b.c.d), NAT64's well-known prefix (64:ff9b::a.b.c.d, RFC 6052: a NAT64 gateway connects to
     * the IPv4 address) and 6to4 (2002:aabb:ccdd::/48, RFC 3056).
     */
    private static InetAddress unmapped(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a;
        }
        byte[] b = a.getAddress();
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return ipv4(a, b[12], b[13], b[14], b[15]);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return ipv4(a, b[2], b[3], b[4], b[5]);
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return a;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0);
        if (!mapped && !compatible) {
            return a;
        }
        return ipv4(a, b[12], b[13], b[14], b[15]);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(InetAddress fallback, byte b0, byte b1, byte b2, byte b3) {
        try {
            return InetAddress.getByAddress(new byte[] {b0, b1, b2, b3});
        } catch (UnknownHostException e) {
            return fallback;
        }
    }
}
