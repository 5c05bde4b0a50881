package io.anygate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What the Kubernetes manifests must guarantee, checked on the base and on each overlay as kustomize would render
 * it ({@link KustomizeRenderer}): probes on the application's real health paths and port, zero-downtime rollouts,
 * a shutdown that outlasts in-flight money operations, locked-down containers, and no secret in the repository.
 */
class ManifestInvariantsTest {

    static final Path K8S = Path.of("deploy/k8s");
    static final Pattern SECRET_LOOKING = Pattern.compile(
            "(?i)(password|passwd|secret|token|credential|private[_ -]?key|api[_-]?key|-----BEGIN)");
    static final Pattern PLACEHOLDER = Pattern.compile("REPLACE_ME(_[A-Z0-9_]+)?");

    static Rendered rendered(String target) {
        Path dir = target.equals("base") ? K8S.resolve("base") : K8S.resolve("overlays").resolve(target);
        return new Rendered(target, KustomizeRenderer.render(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "sandbox", "production"})
    void probesUseTheApplicationsHealthPathsAndPort(String target) {
        Rendered r = rendered(target);
        AppSettings app = AppSettings.load();
        Map<String, Object> c = r.gatewayContainer();
        assertProbe(r, c, "startupProbe", app.healthPath("startup"), app.httpPort());
        assertProbe(r, c, "readinessProbe", app.healthPath("readiness"), app.httpPort());
        assertProbe(r, c, "livenessProbe", app.healthPath("liveness"), app.httpPort());
        Map<String, Object> svcPort = Rendered.map(Rendered.list(r.one("Service").at("spec.ports")).get(0));
        assertEquals(app.httpPort(), r.containerPort(c, svcPort.get("targetPort")), "Service targetPort");
        Map<String, Object> monitor = r.one("ServiceMonitor").map();
        assertEquals("monitoring.coreos.com/v1", monitor.get("apiVersion"));
        Map<String, Object> endpoint = Rendered.map(Rendered.list(r.one("ServiceMonitor").at("spec.endpoints")).get(0));
        assertEquals(app.metricsPath(), endpoint.get("path"));
        assertEquals(svcPort.get("name"), endpoint.get("port"), "ServiceMonitor scrapes the Service's port");
    }

    private static void assertProbe(Rendered r, Map<String, Object> c, String probe, String path, int port) {
        Map<String, Object> get = Rendered.map(Rendered.map(c.get(probe)).get("httpGet"));
        assertEquals(path, get.get("path"), r.target + " " + probe);
        assertEquals(port, r.containerPort(c, get.get("port")), r.target + " " + probe + " port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "sandbox", "production"})
    void rolloutsAndDisruptionsKeepPodsServing(String target) {
        Rendered r = rendered(target);
        int replicas = ((Number) r.one("Deployment").at("spec.replicas")).intValue();
        assertTrue(replicas >= 2, target + ": at least 2 replicas, got " + replicas);
        assertEquals("RollingUpdate", r.one("Deployment").at("spec.strategy.type"));
        assertEquals(0, ((Number) r.one("Deployment").at("spec.strategy.rollingUpdate.maxUnavailable")).intValue());
        int minAvailable = ((Number) r.one("PodDisruptionBudget").at("spec.minAvailable")).intValue();
        int hpaMin = ((Number) r.one("HorizontalPodAutoscaler").at("spec.minReplicas")).intValue();
        assertTrue(hpaMin >= 2, target + ": HPA minReplicas " + hpaMin);
        assertTrue(minAvailable < replicas && minAvailable < hpaMin,
                target + ": PDB minAvailable " + minAvailable + " must stay below replicas " + replicas
                        + " and HPA minimum " + hpaMin + ", or a drain can never evict a pod");
        assertEquals("Deployment", r.one("HorizontalPodAutoscaler").at("spec.scaleTargetRef.kind"));
        assertEquals(KustomizeRenderer.name(r.one("Deployment").map()),
                r.one("HorizontalPodAutoscaler").at("spec.scaleTargetRef.name"));
        Map<String, Object> podLabels = Rendered.map(r.one("Deployment").at("spec.template.metadata.labels"));
        for (String kind : List.of("PodDisruptionBudget")) {
            Rendered.map(r.one(kind).at("spec.selector.matchLabels"))
                    .forEach((k, v) -> assertEquals(v, podLabels.get(k), kind + " selects the gateway pods"));
        }
        Rendered.map(r.one("NetworkPolicy").at("spec.podSelector.matchLabels"))
                .forEach((k, v) -> assertEquals(v, podLabels.get(k), "NetworkPolicy selects the gateway pods"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "sandbox", "production"})
    void shutdownOutlastsInFlightRequests(String target) {
        Rendered r = rendered(target);
        AppSettings app = AppSettings.load();
        long grace = ((Number) r.one("Deployment").at("spec.template.spec.terminationGracePeriodSeconds")).longValue();
        List<Object> preStop = Rendered.list(Rendered.map(Rendered.map(Rendered.map(
                r.gatewayContainer().get("lifecycle")).get("preStop")).get("exec")).get("command"));
        assertEquals("sleep", preStop.get(0));
        long sleep = Long.parseLong(String.valueOf(preStop.get(1)));
        long timeout = app.seconds("quarkus.shutdown.timeout");
        long delay = app.seconds("quarkus.shutdown.delay");
        assertTrue(timeout > 0, "quarkus.shutdown.timeout must be set for in-flight requests to finish");
        assertTrue(grace > sleep + delay + timeout, target + ": grace " + grace + "s must exceed preStop " + sleep
                + "s + shutdown delay " + delay + "s + shutdown timeout " + timeout + "s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "sandbox", "production"})
    void everyContainerIsLockedDown(String target) {
        Rendered r = rendered(target);
        Map<String, Object> pod = Rendered.map(r.one("Deployment").at("spec.template.spec"));
        Map<String, Object> podSec = Rendered.map(pod.getOrDefault("securityContext", Map.of()));
        Map<String, Object> volumes = r.volumesByName();
        for (Map<String, Object> c : r.containers()) {
            String who = target + " container " + c.get("name");
            Map<String, Object> sec = Rendered.map(c.get("securityContext"));
            assertNotNull(sec, who + " has no securityContext");
            assertEquals(true, sec.getOrDefault("runAsNonRoot", podSec.get("runAsNonRoot")), who + " runAsNonRoot");
            assertEquals(false, sec.get("allowPrivilegeEscalation"), who + " allowPrivilegeEscalation");
            assertEquals(true, sec.get("readOnlyRootFilesystem"), who + " readOnlyRootFilesystem");
            assertTrue(Rendered.list(Rendered.map(sec.get("capabilities")).get("drop")).contains("ALL"), who);
            Object seccomp = Rendered.map(sec.getOrDefault("seccompProfile", podSec.get("seccompProfile"))).get("type");
            assertEquals("RuntimeDefault", seccomp, who + " seccomp");
            Object uid = sec.getOrDefault("runAsUser", podSec.get("runAsUser"));
            assertTrue(uid instanceof Number && ((Number) uid).intValue() > 0, who + " numeric non-root user");
            Map<String, Object> res = Rendered.map(c.get("resources"));
            for (String kind : List.of("requests", "limits")) {
                for (String what : List.of("cpu", "memory")) {
                    assertNotNull(Rendered.map(res.get(kind)).get(what), who + " " + kind + "." + what);
                }
            }
            long limit = mebibytes(Rendered.map(res.get("limits")).get("memory"));
            long request = mebibytes(Rendered.map(res.get("requests")).get("memory"));
            assertTrue(limit >= 512 && request >= 256 && request <= limit,
                    who + ": memory request/limit must fit a ~300 MB JVM with headroom");
            String javaOpts = r.envValue(c, "JAVA_OPTS");
            Matcher heapShare = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)")
                    .matcher(javaOpts);
            assertTrue(heapShare.find(), who + " caps the heap");
            // ~150 MB outside the heap under load, measured (docs/performance.md "Memory"), plus headroom: a pod over
            // its limit is killed without the JVM's OutOfMemoryError
            assertTrue(limit * (100 - Double.parseDouble(heapShare.group(1))) / 100 >= 200,
                    who + ": the heap's share of the limit leaves 200 MB for what is outside the heap");
            for (Object m : Rendered.list(c.getOrDefault("volumeMounts", List.of()))) {
                Map<String, Object> mount = Rendered.map(m);
                if (Boolean.TRUE.equals(mount.get("readOnly"))) {
                    continue;
                }
                String path = (String) mount.get("mountPath");
                assertTrue(Rendered.map(volumes.get(mount.get("name"))).containsKey("emptyDir"),
                        who + ": writable mount " + path + " must be an emptyDir");
                List<String> writable = target.equals("sandbox") ? List.of("/tmp", "/deployments/data") : List.of("/tmp");
                assertTrue(writable.contains(path), who + ": unexpected writable mount " + path);
            }
        }
    }

    @Test
    void productionRunsTheProdProfileWithSecretsFromSecrets() {
        Rendered r = rendered("production");
        Map<String, Object> c = r.gatewayContainer();
        assertEquals("prod", r.envValue(c, "QUARKUS_PROFILE"));
        for (String name : List.of("GATEWAY_TX_URL", "GATEWAY_DB_URL", "GATEWAY_SECURITY_PARTNERS_FILE",
                "GATEWAY_SECURITY_SIGNING_KEY_FILE", "GATEWAY_SECURITY_TRUSTED_PROXIES")) {
            assertFalse(r.envValue(c, name).isBlank(), name);
        }
        for (String name : List.of("GATEWAY_TX_USERNAME", "GATEWAY_TX_PASSWORD", "GATEWAY_TX_PIN_KEY", "GATEWAY_DB_USERNAME",
                "GATEWAY_DB_PASSWORD", "GATEWAY_ADMIN_TOKEN")) {
            assertNotNull(Rendered.map(Rendered.map(r.env(c).get(name)).get("valueFrom")).get("secretKeyRef"),
                    name + " must come from a Secret");
        }
        for (String name : List.of("GATEWAY_SECURITY_PARTNERS_FILE", "GATEWAY_SECURITY_SIGNING_KEY_FILE")) {
            String file = r.envValue(c, name);
            assertTrue(r.secretMountFor(c, file), name + "=" + file + " must be a file of a mounted Secret");
        }
        assertFalse(r.volumesByName().containsKey("data"), "production has no embedded store");
        assertEquals("false", r.envValue(c, "GATEWAY_TXSIM_ENABLED"));
        assertTrue(((String) c.get("image")).matches(".+:[^:/]+") && !((String) c.get("image")).endsWith(":latest"),
                "production pins an image tag: " + c.get("image"));
    }

    @Test
    void sandboxRunsTheSandboxProfileWithItsStoreInAnEmptyDir() {
        Rendered r = rendered("sandbox");
        Map<String, Object> c = r.gatewayContainer();
        assertEquals("sandbox", r.envValue(c, "QUARKUS_PROFILE"));
        assertTrue(Rendered.map(r.volumesByName().get("data")).containsKey("emptyDir"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "sandbox", "production"})
    void configMapsHoldNoSecretAndNoOverlayShipsASecret(String target) {
        Rendered r = rendered(target);
        for (Rendered.Resource cm : r.all("ConfigMap")) {
            Rendered.map(cm.map().getOrDefault("data", Map.of())).forEach((k, v) -> {
                assertFalse(SECRET_LOOKING.matcher(k).find(), target + ": ConfigMap key " + k + " looks secret");
                assertFalse(SECRET_LOOKING.matcher(String.valueOf(v)).find(),
                        target + ": ConfigMap value of " + k + " looks secret");
            });
        }
        assertTrue(r.all("Secret").isEmpty(), target + ": applying an overlay must never overwrite a real Secret");
        Map<String, Object> policy = r.one("NetworkPolicy").map();
        List<Object> types = Rendered.list(Rendered.map(policy.get("spec")).get("policyTypes"));
        assertTrue(types.contains("Ingress") && types.contains("Egress"), "NetworkPolicy restricts both ways");
        String egress = String.valueOf(Rendered.map(policy.get("spec")).get("egress"));
        for (String port : List.of("port=53", "port=5432", "port=443")) {
            assertTrue(egress.contains(port), "egress allows " + port);
        }
    }

    @Test
    void everySecretInTheRepositoryHoldsOnlyPlaceholders() throws IOException {
        List<Path> yamls;
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            yamls = files.filter(p -> p.toString().matches(".*\\.ya?ml"))
                    .filter(p -> !p.startsWith("./target") && !p.startsWith("./.git") && !p.startsWith("./.mvn"))
                    .toList();
        }
        List<String> seen = new ArrayList<>();
        for (Path file : yamls) {
            for (Map<String, Object> doc : KustomizeRenderer.readAll(file)) {
                if (!"Secret".equals(doc.get("kind"))) {
                    continue;
                }
                seen.add(KustomizeRenderer.name(doc));
                for (String field : List.of("data", "stringData")) {
                    Rendered.map(doc.getOrDefault(field, Map.of())).forEach((k, v) -> {
                        if (!PLACEHOLDER.matcher(String.valueOf(v)).matches()) {
                            fail(file + ": Secret value of " + k + " is not a REPLACE_ME placeholder");
                        }
                    });
                }
            }
        }
        assertTrue(seen.containsAll(List.of("anygate-tx", "anygate-db", "anygate-partners", "anygate-signing-key")),
                "secret templates present: " + seen);
    }

    @Test
    void theImageRunsUnprivilegedAndHoldsNoSecret() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("deploy/Dockerfile"));
        List<String> instructions = lines.stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        String from = instructions.stream().filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow();
        assertTrue(from.matches("FROM (eclipse-temurin:17-jre\\S*|\\S*ubi9/openjdk-17-runtime\\S*)( AS \\w+)?"), from);
        String user = instructions.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertTrue(user.matches("USER [1-9][0-9]*(:[0-9]+)?"), "numeric non-root user: " + user);
        assertTrue(instructions.contains("EXPOSE " + AppSettings.load().httpPort()));
        for (String layer : List.of("lib/", "quarkus-run.jar", "app/", "quarkus/")) {
            assertTrue(instructions.stream().anyMatch(l -> l.startsWith("COPY ") && l.contains("target/quarkus-app/"
                    + layer)), "copies the " + layer + " layer");
        }
        for (String l : instructions) {
            if (l.startsWith("ENV ") || l.startsWith("ARG ") || l.startsWith("LABEL ")) {
                assertFalse(SECRET_LOOKING.matcher(l).find(), "Dockerfile bakes in something secret: " + l);
            }
        }
        assertFalse(String.join("\n", lines).contains("PRIVATE KEY"));
    }

    /**
     * The image writes its class-data-sharing archive at build time, and every JVM option set that starts the image
     * (the Dockerfile's own and each rendered target's, which replaces it) maps that same file. A path that drifts
     * is not an error to the JVM: it warns and starts without any archive, slower than with none named at all.
     */
    @ParameterizedTest
    @ValueSource(strings = {"base", "sandbox", "production"})
    void everyStartMapsTheArchiveTheImageWrites(String target) throws IOException {
        ArchiveStep step = ArchiveStep.read();
        assertTrue(step.dockerfile().contains("COPY deploy/cds-archive.sh " + step.script()), "it copies the script");
        assertEquals("/deployments/quarkus-run.jar", step.jar(), "trained on the jar the ENTRYPOINT runs");
        String mapped = "-XX:SharedArchiveFile=" + step.archive();
        Matcher imageOpts = Pattern.compile("(?m)^ENV JAVA_OPTS=\"([^\"]*)\"").matcher(step.dockerfile());
        assertTrue(imageOpts.find() && List.of(imageOpts.group(1).split(" ")).contains(mapped),
                "the image's JAVA_OPTS map " + step.archive());
        Rendered r = rendered(target);
        assertTrue(List.of(r.envValue(r.gatewayContainer(), "JAVA_OPTS").split(" ")).contains(mapped),
                target + ": the pod's JAVA_OPTS map " + step.archive());
    }

    private static long mebibytes(Object quantity) {
        String q = String.valueOf(quantity);
        if (q.endsWith("Gi")) {
            return Long.parseLong(q.substring(0, q.length() - 2)) * 1024;
        }
        if (q.endsWith("Mi")) {
            return Long.parseLong(q.substring(0, q.length() - 2));
        }
        throw new IllegalArgumentException("use Mi or Gi for memory: " + q);
    }
}
