package io.anygate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A start without settings explains itself in one message: what is missing, what production needs, the sandbox. */
class StartupAdviceTest {

    // what SmallRye Config reports when the packaged jar runs without a profile and without environment
    static final String BARE_START = """
            Configuration validation failed:
            \tSRCFG00011: Could not expand value GATEWAY_TX_URL in property gateway.tx.url
            \tSRCFG00011: Could not expand value GATEWAY_TX_USERNAME in property gateway.tx.username
            \tSRCFG00011: Could not expand value GATEWAY_TX_PASSWORD in property gateway.tx.password
            """;

    @Test
    void aBareStartNamesTheMissingSettingsWhatProductionNeedsAndTheSandbox() {
        String message = StartupAdvice.forFailure(StartupAdvice.messages(new IllegalStateException("boot failed",
                new RuntimeException(BARE_START))), Optional.empty()).orElseThrow();
        assertTrue(message.contains("missing settings GATEWAY_TX_URL (gateway.tx.url), GATEWAY_TX_USERNAME "
                + "(gateway.tx.username), GATEWAY_TX_PASSWORD (gateway.tx.password)."), message);
        assertTrue(message.contains("the packaged jar runs production unless told otherwise"), message);
        for (String needed : new String[] {"GATEWAY_DB_URL", "GATEWAY_SECURITY_PARTNERS_FILE",
                "GATEWAY_SECURITY_TRUSTED_PROXIES", "java -Dquarkus.profile=sandbox -jar"}) {
            assertTrue(message.contains(needed), needed + " in " + message);
        }
        assertTrue(!message.contains("SRCFG"), message);
        assertTrue(message.contains("\n  GATEWAY_SECURITY_PARTNERS_FILE   the partners file\n"), "indented list: " + message);
    }

    @Test
    void aRequiredPropertyIsNamedAndTheProfileAskedForIsSaid() {
        String message = StartupAdvice.forFailure("SRCFG00014: The config property gateway.tx.url is required but "
                + "it could not be found in any config source", Optional.of("prod")).orElseThrow();
        assertTrue(message.contains("(profile prod): missing settings gateway.tx.url."), message);
    }

    @Test
    void otherFailuresAreLeftAlone() {
        assertEquals(Optional.empty(), StartupAdvice.forFailure("Port 8080 seems to be in use", Optional.empty()));
    }
}
