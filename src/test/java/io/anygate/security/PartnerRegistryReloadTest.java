package io.anygate.security;

import static io.anygate.testsupport.EdgeClient.apicheck;
import static io.anygate.testsupport.EdgeClient.signedWith;
import static io.anygate.testsupport.EdgeClient.freshValidationData;
import static io.anygate.testsupport.EdgeClient.token;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.PrivateKey;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The partners file is reloaded on change without a restart; a bad new file keeps the old registry; a key made
 * with the exact openssl commands of the Anytime document works.
 */
@QuarkusTest
@TestProfile(PartnerRegistryReloadTest.WritablePartners.class)
class PartnerRegistryReloadTest {

    static final Path FILE = Path.of("target/test-partners/reload-partners.json");

    /** Points the registry at a copy of the test partners file that this test may rewrite. */
    public static class WritablePartners implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(FILE.getParent());
                Files.copy(Path.of("src/test/resources/partners/test-partners.json"), FILE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Map.of("gateway.security.partners-file", FILE.toString(),
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("partner-registry-reload"));
        }
    }

    @Inject
    PartnerRegistry registry;

    static final ObjectMapper JSON = new ObjectMapper();

    void write(String content) throws Exception {
        Files.writeString(FILE, content);
        // mtime granularity can be coarse: make the change visible
        Files.setLastModifiedTime(FILE, FileTime.fromMillis(System.currentTimeMillis() + 2000 + (long) (Math.random() * 100000)));
        registry.reloadIfChanged();
    }

    @Test
    void badFileKeepsTheRegistryAndOpensslKeyIsAddedWithoutRestart() throws Exception {
        long before = registry.version();
        write("{ not json");
        assertEquals(before, registry.version(), "a bad file keeps the previous registry");
        apicheck(TestPartner.ALPHA, token(TestPartner.ALPHA)).then().statusCode(200);

        Path dir = Files.createTempDirectory("openssl-key");
        assumeTrue(openssl(dir, "genrsa", "-des3", "-passout", "pass:test-pass", "-out", "id_rsa.pem", "2048"),
                "openssl is not on PATH: skipping the spec's key commands");
        assertTrue(openssl(dir, "rsa", "-in", "id_rsa.pem", "-passin", "pass:test-pass", "-outform", "PEM", "-pubout",
                "-out", "id_rsa.pub"));
        assertTrue(openssl(dir, "rsa", "-in", "id_rsa.pem", "-passin", "pass:test-pass", "-out", "id_rsa", "-outform", "PEM"));
        PrivateKey opensslKey = TestPartner.readPrivateKey(new StringReader(Files.readString(dir.resolve("id_rsa"))));

        ObjectNode root = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("src/test/resources/partners/test-partners.json")));
        ObjectNode alpha = (ObjectNode) root.get("partners").get(0);
        String oldKey = alpha.get("public_keys").get(0).asText();
        ArrayNode keys = alpha.putArray("public_keys");
        keys.add(Files.readString(dir.resolve("id_rsa.pub")));
        write(JSON.writeValueAsString(root));
        assertEquals(before + 1, registry.version());

        TestPartner alphaWithOpensslKey = TestPartner.ALPHA.withKey(opensslKey);
        String token = token(alphaWithOpensslKey);
        apicheck(alphaWithOpensslKey, token).then().statusCode(200);
        // the old key was removed from the registry: it verifies nothing any more
        apicheck(TestPartner.ALPHA, token).then().statusCode(401).body("body.error.code", equalTo(4010070));

        keys.removeAll();
        keys.add(oldKey);
        write(JSON.writeValueAsString(root));
        String data = freshValidationData();
        String again = token(TestPartner.ALPHA);
        signedWith(TestPartner.ALPHA.key(), data).header("Authorization", "Bearer " + again).get("/v1.0/apicheck")
                .then().statusCode(200);
    }

    @Test
    void aKeyRemovedThenPutBackStillRefusesTheValidationDataItSignedBefore() throws Exception {
        String data = freshValidationData();
        String token = token(TestPartner.ALPHA);
        signedWith(TestPartner.ALPHA.key(), data).header("Authorization", "Bearer " + token).get("/v1.0/apicheck")
                .then().statusCode(200);

        ObjectNode root = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("src/test/resources/partners/test-partners.json")));
        ArrayNode keys = (ArrayNode) root.get("partners").get(0).get("public_keys");
        String oldKey = keys.get(0).asText();
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String otherKey = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(rsa.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        long before = registry.version();
        keys.removeAll();
        keys.add(otherKey);
        write(JSON.writeValueAsString(root));
        keys.removeAll();
        keys.add(oldKey);
        write(JSON.writeValueAsString(root)); // the removal rolled back
        assertEquals(before + 2, registry.version());

        // The pair signed before the removal is still spent (before 2026-11-30 the removal forgot it).
        signedWith(TestPartner.ALPHA.key(), data).header("Authorization", "Bearer " + token(TestPartner.ALPHA))
                .get("/v1.0/apicheck").then().statusCode(401).body("body.error.code", equalTo(4010080));
    }

    static boolean openssl(Path dir, String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "openssl";
            System.arraycopy(args, 0, command, 1, args.length);
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
