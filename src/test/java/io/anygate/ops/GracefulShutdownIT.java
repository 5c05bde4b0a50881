package io.anygate.ops;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.GatewayProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application, as Kubernetes stops it: on SIGTERM readiness goes DOWN while the server still serves,
 * a request already in flight (a slow money operation, here the sandbox diagnostic sleep) completes with 200,
 * and the process exits well within the pod's 45 s grace period.
 */
class GracefulShutdownIT {

    private static final long GRACE_SECONDS = 45;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final GatewayProcesses processes = new GatewayProcesses();

    @TempDir
    Path workDir;

    @AfterEach
    void stop() {
        processes.close();
    }

    @Test
    void sigtermDrainsReadinessThenLetsInFlightRequestsFinish() throws Exception {
        GatewayProcesses.requirePackagedJar();
        int port = GatewayProcesses.freePort();
        Path log = Path.of("target/graceful-shutdown-it.log").toAbsolutePath();
        Process gateway = processes.launch(workDir, log, List.of(
                "-Dquarkus.profile=sandbox",
                "-Dquarkus.http.port=" + port,
                // an absolute data dir: the H2 file URL takes it as is
                "-Dgateway.data-dir=" + workDir.resolve("data").toAbsolutePath(),
                "-Dgateway.ops.diagnostics=true",
                // a shorter drain window than production's 5 s keeps the test quick; the mechanism is the same
                "-Dquarkus.shutdown.delay=2s"));
        String base = "http://localhost:" + port;
        GatewayProcesses.awaitReady(base, gateway, log, Duration.ofSeconds(120));

        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(
                get(base + "/ops/diag/sleep?ms=4000", Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
        gateway.destroy(); // SIGTERM, as the kubelet sends after preStop

        int readyAfterSigterm = pollReadiness(base);
        assertTrue(readyAfterSigterm == 503 || readyAfterSigterm == -1,
                "readiness must turn DOWN or refuse after SIGTERM, got " + readyAfterSigterm);

        HttpResponse<String> done = slow.get(30, TimeUnit.SECONDS);
        assertEquals(200, done.statusCode(), "the in-flight request completes: " + done.body());
        assertTrue(done.body().contains("slept_ms"), done.body());

        assertTrue(gateway.waitFor(GRACE_SECONDS, TimeUnit.SECONDS),
                "the process must exit within the " + GRACE_SECONDS + " s grace period");
        String output = Files.readString(log);
        assertTrue(output.contains("stopped in"), "a clean Quarkus shutdown:\n" + output);
    }

    /** The first readiness status that is not 200 (-1 when the port already refuses connections), within 5 s. */
    private int pollReadiness(String base) {
        try {
            return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(25))
                    .until(() -> readiness(base), status -> status != 200);
        } catch (ConditionTimeoutException e) {
            return 200;
        }
    }

    private int readiness(String base) throws InterruptedException {
        try {
            return http.send(get(base + "/q/health/ready", Duration.ofSeconds(2)),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static HttpRequest get(String url, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
    }
}
