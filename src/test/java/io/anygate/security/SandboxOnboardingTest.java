package io.anygate.security;

import static io.anygate.testsupport.EdgeClient.apicheck;
import static io.anygate.testsupport.EdgeClient.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sandbox partner: provisioned files, owner-only private key, loopback access, reuse on restart. */
@QuarkusTest
class SandboxOnboardingTest {

    static final Path DIR = Path.of("target/test-data/sandbox");

    @Inject
    SandboxOnboarding onboarding;
    @Inject
    PartnerRegistry registry;

    @Test
    void provisionedCredentialsWorkFromLoopbackAndAreReused() throws Exception {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(DIR.resolve("credentials.properties"))) {
            props.load(in);
        }
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(DIR.resolve("private-key.pem")));
        TestPartner sandbox = new TestPartner("sandbox", props.getProperty("client_id"), props.getProperty("client_secret"),
                props.getProperty("username"), props.getProperty("password"),
                TestPartner.readPrivateKey(new StringReader(Files.readString(DIR.resolve("private-key.pem")))));
        apicheck(sandbox, token(sandbox)).then().statusCode(200);

        Partner again = onboarding.partner();
        assertEquals(props.getProperty("client_id"), again.clientId(), "a restart reuses the provisioned partner");
        assertEquals(registry.find("sandbox").orElseThrow().keys().get(0).fingerprint(), again.keys().get(0).fingerprint());
        assertTrue(registry.find("alpha").orElseThrow().webhookUrl().isPresent());
    }
}
