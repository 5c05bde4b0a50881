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
        if (a.isAnyLocalAddress() || a.isMulticastAddress() || isBroadcast(a)) {
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
            if (o1 == 0) {
                return "non-unicast";
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return "private";
        }
        return null;
    }

    private static boolean isMetadata(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254 && (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254;
        }
        // fd00:ec2::254 (AWS IMDS over IPv6)
        byte[] imds = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
        return java.util.Arrays.equals(b, imds);
    }

    private static boolean isBroadcast(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & b[1] & b[2] & b[3] & 0xff) == 0xff;
    }

    /** IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) IPv6 addresses are judged as the IPv4 address. */
    private static InetAddress unmapped(InetAddress a) {
        if (!(a instanceof Inet6Address)) {
            return a;
        }
        byte[] b = a.getAddress();
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
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            return a;
        }
    }
}
