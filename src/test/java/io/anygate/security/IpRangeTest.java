package io.anygate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpRangeTest {

    static InetAddress ip(String text) {
        return IpRange.literal(text).orElseThrow();
    }

    @Test
    void ipv4AndIpv6CidrsMatch() {
        assertTrue(IpRange.parse("10.0.0.0/8").contains(ip("10.200.3.4")));
        assertFalse(IpRange.parse("10.0.0.0/8").contains(ip("11.0.0.1")));
        assertTrue(IpRange.parse("2001:db8::/32").contains(ip("2001:db8:ffff::1")));
        assertFalse(IpRange.parse("2001:db8::/32").contains(ip("2001:db9::1")));
        assertTrue(IpRange.parse("192.168.1.0/23").contains(ip("192.168.0.255")));
        assertTrue(IpRange.parse("::1").contains(ip("::1")));
        assertFalse(IpRange.parse("::1").contains(ip("127.0.0.1")));
        assertTrue(IpRange.parse("127.0.0.1").contains(ip("::ffff:127.0.0.1")));
    }

    @Test
    void hostNamesAndGarbageAreNeverResolved() {
        assertEquals(Optional.empty(), IpRange.literal("localhost"));
        assertEquals(Optional.empty(), IpRange.literal("example.com"));
        assertEquals(Optional.empty(), IpRange.literal("1.2.3.4.5"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("nope"));
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() {
        ClientAddressResolver resolver = new ClientAddressResolver(new TestSecurityConfig(List.of("10.9.0.0/16")));
        assertEquals(ip("203.0.113.9"), resolver.resolve("203.0.113.9", "10.1.1.1").orElseThrow());
        assertEquals(ip("198.51.100.7"), resolver.resolve("10.9.0.1", "198.51.100.7").orElseThrow());
        assertEquals(ip("198.51.100.7"), resolver.resolve("10.9.0.1", "1.1.1.1, 198.51.100.7, 10.9.0.2").orElseThrow());
        assertEquals(ip("10.9.0.1"), resolver.resolve("10.9.0.1", "not-an-ip").orElseThrow());
    }
}
