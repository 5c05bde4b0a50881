package io.anygate.testsupport;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * Child JVMs of the packaged application ({@code target/quarkus-app/quarkus-run.jar}) for the {@code *IT} tests:
 * launch with the output in a log file, wait for readiness, free ports, the files a gateway process needs (a
 * partners file whose partner posts webhooks to the test, an Ed25519 signing key), and cleanup of every process
 * launched through this instance.
 */
public final class GatewayProcesses implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final List<Process> processes = new ArrayList<>();

    /** Fails with a clear message when the application has not been packaged. */
    public static void requirePackagedJar() {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError("package the application first: " + JAR);
        }
    }

    /** {@code java -Xmx256m <args> -jar quarkus-run.jar} in {@code workDir}, stdout and stderr to {@code log}. */
    public Process launch(Path workDir, Path log, List<String> args) throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        command.addAll(args);
        command.addAll(List.of("-jar", JAR.toString()));
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        synchronized (processes) {
            processes.add(p);
        }
        return p;
    }

    /** Polls {@code baseUrl/q/health/ready} until it answers 200; fails with the log if the process exits first. */
    public static void awaitReady(String baseUrl, Process p, Path log, Duration within) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(100)).failFast(() -> !p.isAlive())
                    .until(() -> ready(baseUrl));
        } catch (TerminalFailureException e) {
            throw new AssertionError("exited at start (" + p.exitValue() + "):\n" + read(log));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("never ready within " + within + ": " + baseUrl + "\n" + read(log));
        }
    }

    private static boolean ready(String baseUrl) throws InterruptedException {
        try {
            HttpRequest rq = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(rq, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The test partners file with {@code partnerId}'s webhooks sent to {@code webhookUrl}, a loopback receiver of
     * the test: private targets are allowed for that partner only.
     */
    public static Path partnersFile(Path dir, String partnerId, String webhookUrl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode file = json.readTree(GatewayProcesses.class.getResourceAsStream("/partners/test-partners.json"));
        for (JsonNode p : file.path("partners")) {
            if (p.path("partner_id").asText().equals(partnerId)) {
                ((ObjectNode) p).put("webhook_url", webhookUrl);
                ((ObjectNode) p).put("allow_private_webhook_targets", true);
            }
        }
        Path out = Files.createDirectories(dir).resolve("partners.json");
        Files.writeString(out, json.writeValueAsString(file));
        return out;
    }

    /** A fresh Ed25519 signing key (PKCS#8 PEM), as {@code gateway.security.signing-key-file} wants it. */
    public static Path signingKey(Path dir) throws IOException, GeneralSecurityException {
        byte[] key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        Path out = Files.createDirectories(dir).resolve("signing-key.pem");
        Files.writeString(out, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key)
                + "\n-----END PRIVATE KEY-----\n");
        return out;
    }

    public static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** SIGTERM to every process still running, then SIGKILL to any that has not exited within 20 s. */
    @Override
    public void close() {
        List<Process> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
        }
        all.forEach(Process::destroy);
        for (Process p : all) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
