package io.anygate.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.GatewayProcesses;
import io.anygate.testsupport.PostgresAvailability;
import io.anygate.testsupport.ProcessStore;
import io.anygate.testsupport.SignedHttp;
import io.anygate.testsupport.TestPartner;
import io.anygate.testsupport.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes from the packaged jar, one PostgreSQL schema, one partners file (rate limits on), and the
 * standalone TX simulator: everything a replica decides from shared state holds across replicas. Skipped when
 * PostgreSQL is unreachable, unless {@code -Danygate.test.postgres=required}.
 */
class ReplicasIT {

    private static final int WEBHOOK_EVENTS = 20;
    private static final Duration READY = Duration.ofSeconds(120);
    private static final GatewayProcesses PROCESSES = new GatewayProcesses();

    private static ProcessStore store;
    private static SignedHttp a;
    private static SignedHttp b;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PostgresAvailability.reachable(), "PostgreSQL not reachable at " + PostgresAvailability.url()
                + ": replicas not tested (CI runs with -Danygate.test.postgres=required)");
        GatewayProcesses.requirePackagedJar();
        Path work = Files.createDirectories(Path.of("target/replicas-it").toAbsolutePath());
        store = ProcessStore.postgres("gw_replicas");
        receiver = WebhookReceiver.start();
        Path partners = GatewayProcesses.partnersFile(work, "alpha", receiver.url());
        Path signingKey = GatewayProcesses.signingKey(work);

        int simPort = GatewayProcesses.freePort();
        Process sim = PROCESSES.launch(work, work.resolve("txsim.log"), List.of("-Dgateway.data-dir=data",
                "-Dquarkus.profile=txsim", "-Dquarkus.http.port=" + simPort));
        List<String> gateway = new ArrayList<>(List.of(
                "-Dgateway.data-dir=data",
                "-Dquarkus.profile=sandbox",
                "-Dgateway.txsim.enabled=false",
                "-Dgateway.tx.url=http://localhost:" + simPort,
                "-Dgateway.security.partners-file=" + partners,
                "-Dgateway.security.signing-key-file=" + signingKey,
                "-Dgateway.security.rate-limit.enabled=true",
                // one long window: the count cannot restart between the calls of the test
                "-Dgateway.security.rate-limit.window=86400s",
                "-Dgateway.webhook.dispatch-interval=1s"));
        gateway.addAll(store.gatewayArgs());
        int portA = GatewayProcesses.freePort();
        int portB = GatewayProcesses.freePort();
        a = new SignedHttp("http://localhost:" + portA);
        b = new SignedHttp("http://localhost:" + portB);
        GatewayProcesses.awaitReady("http://localhost:" + simPort, sim, work.resolve("txsim.log"), READY);
        List<String> argsA = new ArrayList<>(gateway);
        argsA.add("-Dquarkus.http.port=" + portA);
        Path logA = work.resolve("a/gateway-a.log");
        Process gatewayA = PROCESSES.launch(work.resolve("a"), logA, argsA);
        GatewayProcesses.awaitReady(a.base(), gatewayA, logA, READY);
        // B starts once A has migrated the schema, as a rollout adds a pod next to a running one
        List<String> argsB = new ArrayList<>(gateway);
        argsB.add("-Dquarkus.http.port=" + portB);
        Path logB = work.resolve("b/gateway-b.log");
        Process gatewayB = PROCESSES.launch(work.resolve("b"), logB, argsB);
        GatewayProcesses.awaitReady(b.base(), gatewayB, logB, READY);
    }

    @AfterAll
    static void stop() throws Exception {
        PROCESSES.close();
        if (receiver != null) {
            receiver.close();
        }
        if (store != null) {
            store.drop();
        }
    }

    @Test
    void aTokenIssuedOnBSupersedesTheOneIssuedOnA() throws Exception {
        TestPartner alpha = TestPartner.ALPHA;
        String first = a.token(alpha);
        assertEquals(200, apicheck(a, alpha, first).statusCode());
        assertEquals(200, apicheck(b, alpha, first).statusCode(), "a token issued on A works on B");
        String second = b.token(alpha);
        HttpResponse<String> old = apicheck(a, alpha, first);
        assertEquals(401, old.statusCode(), old.body());
        assertTrue(old.body().contains("4010050"), old.body());
        assertEquals(200, apicheck(a, alpha, second).statusCode());
    }

    @Test
    void aValidationDataUsedOnAIsRefusedOnB() throws Exception {
        TestPartner alpha = TestPartner.ALPHA;
        String token = a.token(alpha);
        String data = EdgeClient.freshValidationData();
        String signature = EdgeClient.sign(alpha.key(), data);
        assertEquals(200, a.send("/v1.0/apicheck", token, data, signature).statusCode());
        HttpResponse<String> replay = b.send("/v1.0/apicheck", token, data, signature);
        assertEquals(401, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("4010080"), replay.body());
    }

    @Test
    void rateLimitsAreCountedOnceAcrossReplicas() throws Exception {
        // rho may make 3 versioned calls per window (partners file): 2 on A and 1 on B reach it, the 4th is refused
        TestPartner rho = TestPartner.RHO;
        String token = a.token(rho);
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
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_outbox"
                + " (event_id, partner_id, event_type, payload, created_at, status, attempts, next_attempt_at)"
                + " VALUES (?, 'alpha', 'it_event', ?, ?, 'PENDING', 0, ?)")) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
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
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(run), n -> n >= WEBHOOK_EVENTS);
        assertEquals(WEBHOOK_EVENTS, delivered(run), "every event marked delivered in the outbox");
        for (String id : ids) {
            assertEquals(1, receiver.count(id), "deliveries of " + id);
        }
    }

    private static long delivered(String run) throws Exception {
        try (Connection c = store.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM"
                + " webhook_outbox WHERE event_id LIKE ? AND delivered_at IS NOT NULL")) {
            ps.setString(1, "it:" + run + ":%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static HttpResponse<String> apicheck(SignedHttp gateway, TestPartner p, String token) throws Exception {
        return gateway.get("/v1.0/apicheck", p, token);
    }

    private static String scrape(SignedHttp gateway) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.base() + "/q/metrics"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
