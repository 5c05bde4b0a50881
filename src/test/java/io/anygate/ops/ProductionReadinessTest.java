package io.anygate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The production guard's checklist, read from a plain map of settings. */
class ProductionReadinessTest {

    private static final Set<String> READABLE = Set.of("/etc/gateway/partners/partners.json", "/etc/gateway/signing/key.pem");

    private static Map<String, String> complete() {
        Map<String, String> c = new HashMap<>();
        c.put("gateway.tx.url", "https://tx.internal.example:8443/api");
        c.put("gateway.tx.username", "gateway-prod");
        c.put("gateway.tx.password", "from-the-secret");
        c.put("gateway.tx.pin.key", "00112233445566778899AABBCCDDEEFF");
        c.put("quarkus.datasource.pg.jdbc.url", "jdbc:postgresql://pg-primary:5432/gateway");
        c.put("quarkus.datasource.pg.active", "true");
        c.put("quarkus.datasource.h2.active", "false");
        c.put("gateway.security.partners-file", "/etc/gateway/partners/partners.json");
        c.put("gateway.security.signing-key-file", "/etc/gateway/signing/key.pem");
        c.put("gateway.txsim.enabled", "false");
        c.put("gateway.security.trusted-proxies", "10.244.0.0/16");
        return c;
    }

    private static List<String> problems(Map<String, String> settings) {
        return new ProductionReadiness(k -> Optional.ofNullable(settings.get(k)), READABLE::contains).problems();
    }

    @Test
    void aCompleteProductionConfigurationPasses() {
        assertEquals(List.of(), problems(complete()));
    }

    @Test
    void anEmptyConfigurationListsEveryMissingItemAtOnce() {
        List<String> problems = problems(Map.of());
        String all = String.join("\n", problems);
        assertTrue(all.contains("GATEWAY_TX_URL"), all);
        assertTrue(all.contains("GATEWAY_TX_USERNAME"), all);
        assertTrue(all.contains("GATEWAY_TX_PASSWORD"), all);
        assertTrue(all.contains("GATEWAY_TX_PIN_KEY"), all);
        assertTrue(all.contains("GATEWAY_DB_URL"), all);
        assertTrue(all.contains("active store"), all);
        assertTrue(all.contains("GATEWAY_SECURITY_PARTNERS_FILE"), all);
        assertTrue(all.contains("gateway.txsim.enabled=false"), all);
        assertTrue(all.contains("GATEWAY_SECURITY_TRUSTED_PROXIES"), all);
        assertEquals(9, problems.size(), all);
        String message = ProductionGuard.refusal(problems);
        assertTrue(message.startsWith("Production start refused, 9 items to fix"), message);
    }

    @Test
    void sandboxDefaultsAreRefused() {
        Map<String, String> c = complete();
        c.put("gateway.tx.url", "http://localhost:8080/txsim");
        c.put("gateway.tx.username", "tx-sandbox");
        c.put("gateway.tx.password", "tx-sandbox-secret");
        c.put("gateway.tx.pin.key", "0123456789abcdeffedcba9876543210");
        c.put("gateway.txsim.enabled", "true");
        List<String> problems = problems(c);
        assertEquals(5, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("embedded simulator"), problems::toString);
    }

    @Test
    void theEmbeddedStoreIsRefused() {
        Map<String, String> c = complete();
        c.put("quarkus.datasource.pg.active", "false");
        c.put("quarkus.datasource.h2.active", "true");
        c.put("quarkus.datasource.pg.jdbc.url", "jdbc:h2:mem:x");
        assertEquals(2, problems(c).size(), problems(c)::toString);
    }

    @Test
    void unreadableFilesAreNamed() {
        Map<String, String> c = complete();
        c.put("gateway.security.partners-file", "/nowhere/partners.json");
        c.put("gateway.security.signing-key-file", "/nowhere/key.pem");
        List<String> problems = problems(c);
        assertEquals(List.of("partners file not readable: gateway.security.partners-file=/nowhere/partners.json",
                "signing key file not readable: gateway.security.signing-key-file=/nowhere/key.pem"), problems);
    }

    @Test
    void blankValuesCountAsMissing() {
        Map<String, String> c = complete();
        c.put("gateway.tx.password", "  ");
        assertEquals(1, problems(c).size());
    }

    @Test
    void aMissingSimulatorSwitchMeansTheSimulatorRuns() {
        // gateway.txsim.enabled defaults to true: production must switch it off explicitly
        Map<String, String> c = complete();
        c.remove("gateway.txsim.enabled");
        assertEquals(List.of("the embedded TX simulator must be off: set gateway.txsim.enabled=false"), problems(c));
    }

    @Test
    void behindAnIngressTheClientAddressNeedsItsTrustedProxiesOrAnExplicitNone() {
        Map<String, String> c = complete();
        c.remove("gateway.security.trusted-proxies");
        assertTrue(String.join("\n", problems(c)).contains("trusted proxies missing"), problems(c).toString());
        c.put("gateway.security.trusted-proxies", "none");
        assertEquals(List.of(), problems(c));
    }

    @Test
    void aShortAdminTokenIsRefusedAndNoneSwitchesAdminOff() {
        Map<String, String> c = complete();
        c.put("gateway.admin.token", "admin123");
        assertTrue(String.join("\n", problems(c)).contains("admin token too short"), problems(c).toString());
        c.put("gateway.admin.token", "0123456789abcdef0123456789abcdef");
        assertEquals(List.of(), problems(c));
        c.remove("gateway.admin.token");
        assertEquals(List.of(), problems(c));
    }

    @Test
    void everyLoopbackFormOfTheSimulatorIsRefused() {
        for (String url : List.of("http://[::1]:8080/txsim", "http://[0:0:0:0:0:0:0:1]:8080/txsim",
                "http://[::ffff:127.0.0.1]:8080/txsim", "http://[::]:8080/txsim", "http://127.1:8080/txsim",
                "http://127.0.0.2:8080/txsim", "http://2130706433:8080/txsim", "http://0x7f000001:8080/txsim",
                "http://0177.0.0.1:8080/txsim", "http://0:8080/txsim", "http://LOCALHOST.:8080/txsim",
                "http://tx.localhost:8080/txsim")) {
            Map<String, String> c = complete();
            c.put("gateway.tx.url", url);
            List<String> problems = problems(c);
            assertEquals(1, problems.size(), url + ": " + problems);
            assertTrue(problems.get(0).contains("embedded simulator"), url + ": " + problems);
        }
    }

    @Test
    void aRemoteTxIsNotTakenForLocal() {
        for (String url : List.of("https://tx.bank.example/txsim", "http://[2001:db8::1]/txsim",
                "http://128.0.0.1/txsim", "http://10.0.0.127/txsim", "http://localhost.bank.example/txsim")) {
            Map<String, String> c = complete();
            c.put("gateway.tx.url", url);
            assertEquals(List.of(), problems(c), url);
        }
    }
}
