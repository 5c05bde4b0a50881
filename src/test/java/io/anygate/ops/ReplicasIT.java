package io.anygate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.PostgresAvailability;
import io.anygate.testsupport.TestPartner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes from the packaged jar, one PostgreSQL schema, one partners file (rate limits on), and the
 * standalone TX simulator: everything a replica decides from shared state holds across replicas. Skipped when
 * PostgreSQL is unreachable, unless {@code -Danygate.test.postgres=required}.
 */
class ReplicasIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
    private static final int WEBHOOK_EVENTS = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<Process> PROCESSES = new ArrayList<>();
    private static final Map<String, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();

    private static String schema;
    private static String a;
    private static String b;
    private static HttpServer receiver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PostgresAvailability.reachable(), "PostgreSQL not reachable at " + PostgresAvailability.url()
                + ": replicas not tested (CI runs with -Danygate.test.postgres=required)");
        assertTrue(Files.isRegularFile(JAR), "package the application first: " + JAR);
        Path work = Files.createDirectories(Path.of("target/replicas-it").toAbsolutePath());
        schema = "gw_replicas_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("X-Webhook-Event-Id");
            DELIVERIES.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger()).incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        Path partners = work.resolve("partners.json");
        ObjectMapper json = new ObjectMapper();
        JsonNode file = json.readTree(ReplicasIT.class.getResourceAsStream("/partners/test-partners.json"));
        for (JsonNode p : file.path("partners")) {
            if (p.path("partner_id").asText().equals("alpha")) {
                ((ObjectNode) p).put("webhook_url", hook);
                // the receiver listens on loopback: allowed for this partner only (partners file)
                ((ObjectNode) p).put("allow_private_webhook_targets", true);
            }
        }
        Files.writeString(partners, json.writeValueAsString(file));
        Path signingKey = work.resolve("signing-key.pem");
        Files.writeString(signingKey, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");

        int simPort = freePort();
        Process sim = launch(work, "txsim", List.of("-Dquarkus.profile=txsim", "-Dquarkus.http.port=" + simPort));
        String pgUrl = PostgresAvailability.url() + (PostgresAvailability.url().contains("?") ? "&" : "?")
                + "currentSchema=" + schema;
        List<String> gateway = List.of(
                "-Dquarkus.profile=sandbox",
                "-Dgateway.txsim.enabled=false",
                "-Dgateway.tx.url=http://localhost:" + simPort,
                "-Dgateway.store.embedded-active=false",
                "-Dgateway.store.postgres-active=true",
                "-Dquarkus.datasource.pg.jdbc.url=" + pgUrl,
                "-Dquarkus.datasource.pg.username=" + PostgresAvailability.user(),
                "-Dquarkus.datasource.pg.jdbc.max-size=8",
                "-Dquarkus.flyway.pg.schemas=" + schema,
                "-Dquarkus.flyway.pg.create-schemas=true",
                "-Dgateway.security.partners-file=" + partners,
                "-Dgateway.security.signing-key-file=" + signingKey,
                "-Dgateway.security.rate-limit.enabled=true",
                // one long window: the count cannot restart between the calls of the test
                "-Dgateway.security.rate-limit.window=86400s",
                "-Dgateway.webhook.dispatch-interval=1s");
        int portA = freePort();
        int portB = freePort();
        a = "http://localhost:" + portA;
        b = "http://localhost:" + portB;
        awaitReady("http://localhost:" + simPort + "/q/health/ready", sim, work.resolve("txsim.log"));
        List<String> argsA = new ArrayList<>(gateway);
        argsA.add("-Dquarkus.http.port=" + portA);
        Process gatewayA = launch(work.resolve("a"), "gateway-a", argsA);
        awaitReady(a + "/q/health/ready", gatewayA, work.resolve("a/gateway-a.log"));
        // B starts once A has migrated the schema, as a rollout adds a pod next to a running one
        List<String> argsB = new ArrayList<>(gateway);
        argsB.add("-Dquarkus.http.port=" + portB);
        Process gatewayB = launch(work.resolve("b"), "gateway-b", argsB);
        awaitReady(b + "/q/health/ready", gatewayB, work.resolve("b/gateway-b.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : PROCESSES) {
            p.destroy();
        }
        for (Process p : PROCESSES) {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        if (schema != null) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void aTokenIssuedOnBSupersedesTheOneIssuedOnA() throws Exception {
        TestPartner alpha = TestPartner.ALPHA;
        String first = token(a, alpha);
        assertEquals(200, apicheck(a, alpha, first).statusCode());
        assertEquals(200, apicheck(b, alpha, first).statusCode(), "a token issued on A works on B");
        String second = token(b, alpha);
        HttpResponse<String> old = apicheck(a, alpha, first);
        assertEquals(401, old.statusCode(), old.body());
        assertTrue(old.body().contains("4010050"), old.body());
        assertEquals(200, apicheck(a, alpha, second).statusCode());
    }

    @Test
    void aValidationDataUsedOnAIsRefusedOnB() throws Exception {
        TestPartner alpha = TestPartner.ALPHA;
        String token = token(a, alpha);
        String data = EdgeClient.freshValidationData();
        String signature = EdgeClient.sign(alpha.key(), data);
        assertEquals(200, send(a + "/v1.0/apicheck", token, data, signature).statusCode());
        HttpResponse<String> replay = send(b + "/v1.0/apicheck", token, data, signature);
        assertEquals(401, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("4010080"), replay.body());
    }

    @Test
    void rateLimitsAreCountedOnceAcrossReplicas() throws Exception {
        // rho may make 3 versioned calls per window (partners file): 2 on A and 1 on B reach it, the 4th is refused
        TestPartner rho = TestPartner.RHO;
        String token = token(a, rho);
        assertEquals(200, apicheck(a, rho, token).statusCode());
        assertEquals(200, apicheck(b, rho, token).statusCode());
        assertEquals(200, apicheck(a, rho, token).statusCode());
        HttpResponse<String> onB = apicheck(b, rho, token);
        assertEquals(429, onB.statusCode(), onB.body());
        assertTrue(onB.body().contains("4290030"), onB.body());
        HttpResponse<String> onA = apicheck(a, rho, token);
        assertEquals(429, onA.statusCode(), onA.body());
        assertTrue(scrape(b).contains("gateway_rate_limit_rejections_total{scope=\"user\"} 1.0"), "B counted its refusal");
    }

    @Test
    void eachWebhookIsDeliveredOnceByOneReplica() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema
                + ".webhook_outbox (event_id, partner_id, event_type, payload, created_at, status, attempts,"
                + " next_attempt_at) VALUES (?, 'alpha', 'it_event', ?, ?, 'PENDING', 0, ?)")) {
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < WEBHOOK_EVENTS; i++) {
                String id = "it:" + run + ":" + i;
                ids.add(id);
                ps.setString(1, id);
                ps.setString(2, "{\"n\":" + i + "}");
                ps.setObject(3, now);
                ps.setObject(4, now.minusSeconds(1));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (int i = 0; i < 300 && delivered(run) < WEBHOOK_EVENTS; i++) {
            Thread.sleep(100);
        }
        assertEquals(WEBHOOK_EVENTS, delivered(run), "every event marked delivered in the outbox");
        for (String id : ids) {
            AtomicInteger count = DELIVERIES.get(id);
            assertEquals(1, count == null ? 0 : count.get(), "deliveries of " + id);
        }
    }

    private static long delivered(String run) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + schema
                + ".webhook_outbox WHERE event_id LIKE ? AND delivered_at IS NOT NULL")) {
            ps.setString(1, "it:" + run + ":%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String token(String base, TestPartner p) throws Exception {
        String data = EdgeClient.freshValidationData();
        String form = "grant_type=password&client_id=" + p.clientId() + "&client_secret=" + p.clientSecret()
                + "&username=" + p.username() + "&password=" + p.password();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/oauth/v2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Validation-Data", data).header("X-Signed-Request", EdgeClient.sign(p.key(), data))
                .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body()).path("body").path("access_token").asText();
    }

    private static HttpResponse<String> apicheck(String base, TestPartner p, String token) throws Exception {
        String data = EdgeClient.freshValidationData();
        return send(base + "/v1.0/apicheck", token, data, EdgeClient.sign(p.key(), data));
    }

    private static HttpResponse<String> send(String url, String token, String data, String signature) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("X-Validation-Data", data).header("X-Signed-Request", signature)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scrape(String base) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Process launch(Path dir, String name, List<String> args) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dgateway.data-dir=data"));
        command.addAll(args);
        command.addAll(List.of("-jar", JAR.toString()));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        PROCESSES.add(p);
        return p;
    }

    private static void awaitReady(String url, Process p, Path log) throws Exception {
        for (int i = 0; i < 900; i++) {
            if (!p.isAlive()) {
                throw new AssertionError("exited at start:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never ready: " + url + "\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private static Connection connect() throws Exception {
        Properties props = new Properties();
        props.setProperty("user", PostgresAvailability.user());
        return DriverManager.getConnection(PostgresAvailability.url(), props);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
