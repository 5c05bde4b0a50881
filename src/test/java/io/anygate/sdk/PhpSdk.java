package io.anygate.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the official Anytime PHP SDK (never copied into this repository) against the gateway under test: a script of
 * {@code src/test/php/} loads it from {@code <repo>/../shared/clients/anytime-php-sdk} (property
 * {@code anygate.sdk.dir} overrides) with Guzzle's Debian autoloader ({@code anygate.sdk.guzzle-autoload}, default
 * {@code /usr/share/php/GuzzleHttp/autoload.php}) and prints one JSON line per check, which becomes one JUnit
 * dynamic test named after the route. Where PHP ({@code anygate.sdk.php}, default {@code php}), Guzzle or the SDK
 * is missing the tests are skipped, unless {@code -Danygate.test.sdk=required} (CI) makes that a failure.
 */
final class PhpSdk {

    static final String REQUIRED_PROPERTY = "anygate.test.sdk";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 300;

    private PhpSdk() {
    }

    static Path repo() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    }

    static Path sdkDir() {
        String dir = System.getProperty("anygate.sdk.dir");
        return dir != null ? Path.of(dir).toAbsolutePath().normalize()
                : repo().resolve("../shared/clients/anytime-php-sdk").normalize();
    }

    static Path guzzleAutoload() {
        return Path.of(System.getProperty("anygate.sdk.guzzle-autoload", "/usr/share/php/GuzzleHttp/autoload.php"));
    }

    static String php() {
        return System.getProperty("anygate.sdk.php", "php");
    }

    static boolean required() {
        return "required".equalsIgnoreCase(System.getProperty(REQUIRED_PROPERTY, ""));
    }

    /**
     * Null where PHP, Guzzle and the SDK are there; else the one dynamic test to answer instead of the checks: skipped
     * with the reason (a dynamic test, so the skip and its reason show in the test report), or failed when the SDK
     * tests are required.
     */
    static Stream<DynamicTest> unavailable() {
        String missing = missing();
        if (missing == null) {
            return null;
        }
        String message = "Anytime PHP SDK tests not run: " + missing + " (install: apt-get install -y php-cli php-curl"
                + " php-mbstring php-guzzlehttp-guzzle; the SDK is expected in ../shared/clients/anytime-php-sdk"
                + " or -Danygate.sdk.dir)";
        return Stream.of(DynamicTest.dynamicTest("Anytime PHP SDK available", () -> {
            if (required()) {
                fail(message + "; they are required in this run (-D" + REQUIRED_PROPERTY + "=required)");
            }
            Assumptions.abort(message);
        }));
    }

    private static String missing() {
        if (!Files.isRegularFile(sdkDir().resolve("src/ApiClientFactory.php"))) {
            return "no SDK at " + sdkDir();
        }
        if (!Files.isRegularFile(guzzleAutoload())) {
            return "no Guzzle autoloader at " + guzzleAutoload();
        }
        try {
            Process p = new ProcessBuilder(php(), "-r",
                    "echo (function_exists('curl_init') && function_exists('openssl_sign')) ? 'ok' : 'no curl/openssl';")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.endsWith("ok")) {
                return "'" + php() + "' does not run with curl and openssl: " + out;
            }
        } catch (IOException e) {
            return "no '" + php() + "' on this machine (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        return null;
    }

    /**
     * Runs {@code src/test/php/<script>} with {@code config} (plus the SDK and Guzzle paths) and turns its output into
     * one dynamic test per check, and a last one that fails if the script did not run to its end.
     */
    static Stream<DynamicTest> run(String script, Map<String, Object> config) throws Exception {
        Path configFile = Files.createTempFile("anytime-sdk-", ".json");
        try {
            Map<String, Object> full = new java.util.LinkedHashMap<>(config);
            full.put("sdk_dir", sdkDir().toString());
            full.put("guzzle_autoload", guzzleAutoload().toString());
            Files.writeString(configFile, JSON.writeValueAsString(full));
            Path stdout = Files.createTempFile("anytime-sdk-", ".out");
            Path stderr = Files.createTempFile("anytime-sdk-", ".err");
            Process p = new ProcessBuilder(php(), "-d", "display_errors=stderr", "-d", "error_reporting=E_ALL",
                    repo().resolve("src/test/php").resolve(script).toString(), configFile.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            boolean ended = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String out = Files.readString(stdout);
            String err = Files.readString(stderr);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            int exit = ended ? p.exitValue() : -1;

            List<DynamicTest> tests = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (String line : out.split("\n")) {
                JsonNode check = line.startsWith("{\"check\"") ? JSON.readTree(line) : null;
                if (check == null) {
                    if (!line.isBlank()) {
                        other.add(line);
                    }
                    continue;
                }
                String name = check.path("check").asText();
                boolean ok = check.path("ok").asBoolean();
                String detail = check.path("detail").asText();
                tests.add(DynamicTest.dynamicTest(name, () -> assertTrue(ok, name + ": " + detail)));
            }
            boolean completed = tests.stream().anyMatch(t -> t.getDisplayName().equals("(script ran to its end)"));
            tests.add(DynamicTest.dynamicTest(script + " exits 0", () -> {
                assertEquals(0, exit, script + (ended ? " exited " + exit : " timed out") + "; stderr: " + err
                        + "; other output: " + other);
                assertTrue(completed, script + " stopped before its end; stderr: " + err + "; other output: " + other);
            }));
            return tests.stream();
        } finally {
            Files.deleteIfExists(configFile);
        }
    }
}
