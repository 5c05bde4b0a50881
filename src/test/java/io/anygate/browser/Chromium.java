package io.anygate.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code chromium}, headless, driven by playwright-core from npm ({@code src/test/browser}, installed with
 * {@code npm ci} there). Where node, chromium or playwright-core is missing the browser tests are skipped with a
 * message saying what is missing, unless {@code -Danygate.test.browser=required} (CI, {@code .ci/run}) makes that a
 * failure.
 */
final class Chromium {

    static final String REQUIRED_PROPERTY = "anygate.test.browser";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    private Chromium() {
    }

    static Path scripts() {
        return Path.of("src/test/browser").toAbsolutePath();
    }

    static String executable() {
        String env = System.getenv("CHROMIUM");
        return env != null && !env.isBlank() ? env : "/usr/bin/chromium";
    }

    /** Skips (or, when required, fails) the calling test when the browser cannot run here. */
    static void assumeAvailable() {
        String missing = missing();
        if (missing == null) {
            return;
        }
        String message = "Browser tests skipped: " + missing + " (apt-get install chromium nodejs npm; cd "
                + "src/test/browser && npm ci)";
        if ("required".equalsIgnoreCase(System.getProperty(REQUIRED_PROPERTY, ""))) {
            fail(message + "; they are required in this run (-D" + REQUIRED_PROPERTY + "=required)");
        }
        Assumptions.abort(message);
    }

    private static String missing() {
        if (!Files.isExecutable(Path.of(executable()))) {
            return "no chromium at " + executable();
        }
        if (!Files.isDirectory(scripts().resolve("node_modules/playwright-core"))) {
            return "playwright-core is not installed in " + scripts();
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "node does not run";
            }
        } catch (Exception e) {
            return "no node on the PATH";
        }
        return null;
    }

    /** Opens {@code url} {@code times} times in one browser context; one report per opening (open-link.mjs). */
    static List<JsonNode> open(String url, int times) throws Exception {
        Path out = Files.createTempFile("browser", ".jsonl");
        Path err = Files.createTempFile("browser", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder("node", "open-link.mjs", url, String.valueOf(times))
                    .directory(scripts().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("CHROMIUM", executable());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("the browser did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(err));
            }
            assertEquals(0, p.exitValue(), "the browser script failed: " + Files.readString(err));
            List<JsonNode> reports = new ArrayList<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    reports.add(JSON.readTree(line));
                }
            }
            assertEquals(times, reports.size(), "one report per opening: " + reports);
            return reports;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
