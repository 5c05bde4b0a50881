package io.anygate.security;

import static io.anygate.security.IpRangeTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.Inet6Address;
import org.junit.jupiter.api.Test;

/** The per-IP counter key: IPv4 per address (the key earlier releases wrote), IPv6 per /64. */
class IpCounterKeyTest {

    @Test
    void anIpv4AddressKeepsTheKeyItAlwaysHad() {
        assertEquals("ip:192.0.2.7", IpCounterKey.of(ip("192.0.2.7")));
        assertNotEquals(IpCounterKey.of(ip("192.0.2.7")), IpCounterKey.of(ip("192.0.2.8")));
    }

    @Test
    void everyAddressOfAnIpv6Slash64SharesOneCounter() {
        String key = IpCounterKey.of(ip("2001:db8:1:2::1"));
        assertEquals("ip:2001:db8:1:2:0:0:0:0/64", key);
        assertEquals(key, IpCounterKey.of(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")));
        assertEquals(key, IpCounterKey.of(ip("[2001:db8:1:2:a:b:c:d%eth0]")));
        assertNotEquals(key, IpCounterKey.of(ip("2001:db8:1:3::1")), "the next /64 is another client");
    }

    @Test
    void anIpv4MappedAddressCountsAsItsIpv4Address() throws Exception {
        assertEquals("ip:192.0.2.7", IpCounterKey.of(ip("::ffff:192.0.2.7")));
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 192, 0, 2, 7};
        assertEquals("ip:192.0.2.7", IpCounterKey.of(Inet6Address.getByAddress(null, mapped, -1)));
        assertNotEquals(IpCounterKey.of(ip("::ffff:192.0.2.7")), IpCounterKey.of(ip("::ffff:192.0.2.8")));
    }
}
