package io.anygate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.GatewayProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's start-up archive, made as deploy/Dockerfile makes it (deploy/cds-archive.sh with the Dockerfile's
 * own options, here on the packaged jar), is one a JVM can map: with {@code -Xshare:on} a JVM that cannot map it
 * refuses to start, and the gateway's own classes then come from it instead of from the jar.
 */
class ClassDataSharingIT {

    private final GatewayProcesses processes = new GatewayProcesses();

    @TempDir
    Path workDir;

    @AfterEach
    void stop() {
        processes.close();
    }

    @Test
    void theGatewayStartsWithItsClassesFromTheArchiveTheImageRecipeWrites() throws Exception {
        GatewayProcesses.requirePackagedJar();
        Path archive = workDir.resolve("app-cds.jsa");
        Path trainingLog = Path.of("target/cds-archive-it.log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("sh", "deploy/cds-archive.sh",
                GatewayProcesses.JAR.toString(), archive.toString()));
        command.addAll(ArchiveStep.read().options());
        Process training = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(trainingLog.toFile()).start();
        assertTrue(training.waitFor(180, TimeUnit.SECONDS), "the training start ends");
        assertEquals(0, training.exitValue(), Files.readString(trainingLog));
        assertTrue(Files.size(archive) > 0, "an archive is written");

        int port = GatewayProcesses.freePort();
        Path log = Path.of("target/cds-start-it.log").toAbsolutePath();
        Path classLoads = workDir.resolve("class-load.log");
        Process gateway = processes.launch(workDir, log, List.of(
                "-Xshare:on", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load=info:file=" + classLoads,
                "-Dquarkus.profile=sandbox",
                "-Dquarkus.http.port=" + port,
                "-Dgateway.data-dir=" + workDir.resolve("data").toAbsolutePath()));
        GatewayProcesses.awaitReady("http://localhost:" + port, gateway, log, Duration.ofSeconds(120));

        List<String> loads = Files.readAllLines(classLoads);
        String sourceOfMain = loads.stream().filter(l -> l.contains(" io.anygate.ops.GatewayMain source: "))
                .findFirst().orElseThrow(() -> new AssertionError("GatewayMain was never loaded"));
        assertTrue(sourceOfMain.endsWith("source: shared objects file (top)"), sourceOfMain);
        long fromArchive = loads.stream().filter(l -> l.contains(" io.anygate.")
                && l.endsWith("source: shared objects file (top)")).count();
        assertTrue(fromArchive > 100, "the gateway's classes come from the archive: " + fromArchive);
    }
}
