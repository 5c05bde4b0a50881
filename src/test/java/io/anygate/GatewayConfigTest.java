package io.anygate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings every layer reads are declared once, in GatewayConfig, under their documented keys. */
class GatewayConfigTest {

    private static GatewayConfig load(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(GatewayConfig.class)
                .withSources(new io.smallrye.config.PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(GatewayConfig.class);
    }

    @Test
    void readsTheDocumentedKeys() {
        GatewayConfig config = load(Map.of("gateway.mode", "production", "gateway.tx.zone", "Europe/Paris",
                "gateway.mapping.saga-resume-window", "PT3M"));
        assertEquals(GatewayConfig.Mode.PRODUCTION, config.mode());
        assertEquals(ZoneId.of("Europe/Paris"), config.txZone());
        assertEquals(Duration.ofMinutes(3), config.sagaResumeWindow());
    }

    @Test
    void defaultsAreSandboxUtcAndTenMinutes() {
        GatewayConfig config = load(Map.of());
        assertEquals(GatewayConfig.Mode.SANDBOX, config.mode());
        assertEquals(ZoneId.of("UTC"), config.txZone());
        assertEquals(Duration.ofMinutes(10), config.sagaResumeWindow());
        assertEquals("/txsim", config.txsimPrefix());
        assertEquals(false, config.txsimStandalone());
    }

    @Test
    void theStandaloneSimulatorIsServedAtTheRoot() {
        GatewayConfig config = load(Map.of("gateway.txsim.standalone", "true", "gateway.txsim.base-path", "/"));
        assertEquals(true, config.txsimStandalone());
        assertEquals("", config.txsimPrefix());
        assertEquals("/sim", load(Map.of("gateway.txsim.base-path", "sim/")).txsimPrefix());
    }
}
