package io.anygate.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Webhook URL validation over a fake DNS, including names that resolve to forbidden addresses. */
class TargetPolicyTest {

    private static final Map<String, List<String>> DNS = Map.of(
            "hooks.partner.example", List.of("93.184.216.34"),
            "rebind.partner.example", List.of("93.184.216.34", "10.0.0.7"),
            "sneaky.partner.example", List.of("127.0.0.1"),
            "metadata.partner.example", List.of("169.254.169.254"),
            "v6.partner.example", List.of("2606:2800:220:1:248:1893:25c8:1946"));

    private static final HostResolver FAKE_DNS = host -> {
        List<String> answer = DNS.get(host);
        if (answer == null) {
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        }
        List<InetAddress> out = new ArrayList<>();
        for (String a : answer) {
            out.add(InetAddress.getByName(a));
        }
        return out;
    };

    private final TargetPolicy production = new TargetPolicy(FAKE_DNS, true);
    private final TargetPolicy sandbox = new TargetPolicy(FAKE_DNS, false);

    @ParameterizedTest
    @CsvSource({
            "https://127.0.0.1/h, loopback", "https://127.9.9.9/h, loopback", "https://[::1]/h, loopback",
            "https://sneaky.partner.example/h, loopback",
            "https://10.1.2.3/h, private", "https://172.16.0.1/h, private", "https://172.31.255.255/h, private",
            "https://192.168.1.1/h, private", "https://[fc00::1]/h, private", "https://[fd12:3456::1]/h, private",
            "https://rebind.partner.example/h, private",
            "https://169.254.10.10/h, cloud metadata", "https://[fe80::1]/h, link-local",
            "https://100.64.0.1/h, CGNAT", "https://100.127.255.254/h, CGNAT",
            "https://169.254.169.254/latest/meta-data, cloud metadata", "https://[fd00:ec2::254]/h, cloud metadata",
            "https://metadata.partner.example/h, cloud metadata",
            "https://[::ffff:127.0.0.1]/h, loopback", "https://[::ffff:10.0.0.1]/h, private",
            "https://0.0.0.0/h, non-unicast", "https://[::]/h, non-unicast", "https://224.0.0.1/h, non-unicast",
            // IPv4 carried in IPv6: NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address
            "https://[64:ff9b::a9fe:a9fe]/h, cloud metadata", "https://[64:ff9b::a00:1]/h, private",
            "https://[64:ff9b::7f00:1]/h, loopback", "https://[2002:a9fe:a9fe::1]/h, cloud metadata",
            "https://[2002:c0a8:101::1]/h, private",
            "https://[fec0::1]/h, private", "https://198.18.0.1/h, private", "https://198.19.255.255/h, private",
            "https://240.0.0.1/h, non-unicast", "https://[fd00:ec2::23]/h, cloud metadata",
            "https://100.100.100.200/latest/meta-data, cloud metadata"})
    void refusesEveryForbiddenTargetClass(String url, String kind) {
        ForbiddenTargetException e = assertThrows(ForbiddenTargetException.class, () -> production.resolve(url, false));
        assertEquals("webhook host resolves to a " + kind + " address", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://172.15.255.255/h", "https://172.32.0.1/h", "https://100.63.255.255/h",
            "https://100.128.0.1/h", "https://8.8.8.8/h", "https://v6.partner.example/h", "https://198.17.255.255/h",
            "https://198.20.0.1/h", "https://[64:ff9b::808:808]/h", "https://[2002:808:808::1]/h"})
    void acceptsPublicNeighboursOfForbiddenRanges(String url) throws Exception {
        assertEquals(url, production.resolve(url, false).url());
    }

    @Test
    void connectsToTheCheckedAddressAndKeepsTheHostName() throws Exception {
        ResolvedTarget t = production.resolve("https://hooks.partner.example:8443/anytime?k=1", false);
        assertEquals("93.184.216.34", t.address().getHostAddress());
        assertEquals("hooks.partner.example", t.host());
        assertEquals(8443, t.port());
        assertEquals("/anytime?k=1", t.pathAndQuery());
        assertTrue(t.https());
    }

    @Test
    void productionRequiresHttpsAndTheSandboxAcceptsHttp() throws Exception {
        assertThrows(ForbiddenTargetException.class, () -> production.resolve("http://hooks.partner.example/h", false));
        assertEquals(80, sandbox.resolve("http://hooks.partner.example/h", false).port());
        assertThrows(ForbiddenTargetException.class, () -> sandbox.resolve("ftp://hooks.partner.example/h", false));
    }

    @Test
    void refusesUserInfoUnknownHostsAndGarbage() {
        assertThrows(ForbiddenTargetException.class, () -> production.resolve("https://u:p@hooks.partner.example/", false));
        assertThrows(ForbiddenTargetException.class, () -> production.resolve("https://nowhere.example/", false));
        assertThrows(ForbiddenTargetException.class, () -> production.resolve("not a url", false));
        assertThrows(ForbiddenTargetException.class, () -> production.resolve(null, false));
    }

    @Test
    void thePerPartnerFlagAllowsPrivateTargetsButNeverMetadata() throws Exception {
        assertEquals("127.0.0.1", production.resolve("https://sneaky.partner.example/h", true).address().getHostAddress());
        assertEquals("10.0.0.7", production.resolve("https://10.0.0.7/h", true).address().getHostAddress());
        assertThrows(ForbiddenTargetException.class, () -> production.resolve("https://169.254.169.254/", true));
        assertThrows(ForbiddenTargetException.class, () -> production.resolve("https://[fd00:ec2::254]/", true));
        // credential endpoints of container platforms too (ECS task role, EKS Pod Identity), and Alibaba's metadata
        for (String url : List.of("https://169.254.170.2/v2/credentials", "https://169.254.170.23/v1/credentials",
                "https://[fd00:ec2::23]/", "https://100.100.100.200/latest/meta-data")) {
            assertThrows(ForbiddenTargetException.class, () -> production.resolve(url, true), url);
        }
    }

    @Test
    void reservedAddressesAreRefusedEvenToPartnersAllowedPrivateTargets() {
        for (String url : List.of("https://240.0.0.1/h", "https://250.1.2.3/h", "https://254.255.255.254/h",
                "https://0.1.2.3/h", "https://[::ffff:240.0.0.9]/h", "https://[2002:f000:0001::]/h")) {
            assertThrows(ForbiddenTargetException.class, () -> production.resolve(url, true), url);
        }
    }
}
