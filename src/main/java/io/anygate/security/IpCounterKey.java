package io.anygate.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The per-IP rate-limit counter of a client address: an IPv4 address counts on its own ({@code ip:192.0.2.7}, the
 * key every release has used), an IPv6 address by its /64 ({@code ip:2001:db8:1:2:0:0:0:0/64}). An IPv6 client is
 * given a whole /64 and can pick any address in it for each call, so a per-address counter would not limit it.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) count as that IPv4 address.
 */
final class IpCounterKey {

    private static final String PREFIX = "ip:";
    private static final int IPV6_NETWORK_BYTES = 8;

    private IpCounterKey() {
    }

    static String of(InetAddress client) {
        byte[] bytes = client.getAddress();
        if (bytes.length == 4) {
            return PREFIX + client.getHostAddress();
        }
        if (mapped(bytes)) {
            // the JDK turns parsed mapped literals into IPv4 already; an Inet6Address built from bytes stays IPv6
            return PREFIX + address(Arrays.copyOfRange(bytes, 12, 16)).getHostAddress();
        }
        byte[] network = Arrays.copyOf(bytes, 16);
        Arrays.fill(network, IPV6_NETWORK_BYTES, 16, (byte) 0);
        return PREFIX + address(network).getHostAddress() + "/64";
    }

    private static boolean mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + bytes.length + " bytes", e);
        }
    }
}
