package io.anygate.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * The application's own view of port, health paths, metrics path and shutdown timings: read from
 * application.properties (profile-free keys) with the Quarkus defaults where a key is absent, so that the
 * manifests are checked against what the application really serves.
 */
final class AppSettings {

    private final Properties props;

    private AppSettings(Properties props) {
        this.props = props;
    }

    static AppSettings load() {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AppSettings(p);
    }

    private String get(String key, String quarkusDefault) {
        String v = props.getProperty(key, quarkusDefault).strip();
        // ${ENV:default} → default
        if (v.startsWith("${") && v.endsWith("}") && v.contains(":")) {
            v = v.substring(v.indexOf(':') + 1, v.length() - 1);
        }
        return v;
    }

    int httpPort() {
        return Integer.parseInt(get("quarkus.http.port", "8080"));
    }

    private String nonApplicationRoot() {
        String root = get("quarkus.http.non-application-root-path", "q");
        return root.startsWith("/") ? root : "/" + root;
    }

    private String underRoot(String path) {
        return path.startsWith("/") ? path : nonApplicationRoot() + "/" + path;
    }

    /** startup, readiness or liveness. */
    String healthPath(String kind) {
        String root = underRoot(get("quarkus.smallrye-health.root-path", "health"));
        String sub = switch (kind) {
            case "startup" -> get("quarkus.smallrye-health.startup-path", "started");
            case "readiness" -> get("quarkus.smallrye-health.readiness-path", "ready");
            case "liveness" -> get("quarkus.smallrye-health.liveness-path", "live");
            default -> throw new IllegalArgumentException(kind);
        };
        return sub.startsWith("/") ? sub : root + "/" + sub;
    }

    String metricsPath() {
        return underRoot(get("quarkus.micrometer.export.prometheus.path", "metrics"));
    }

    /** A duration setting in whole seconds (0 when unset): 25s, 1m, PT25S or a plain number of seconds. */
    long seconds(String key) {
        String v = get(key, "0").toLowerCase(Locale.ROOT);
        if (v.startsWith("pt")) {
            return Duration.parse(v).toSeconds();
        }
        if (v.endsWith("ms")) {
            return Long.parseLong(v.substring(0, v.length() - 2)) / 1000;
        }
        if (v.endsWith("s")) {
            return Long.parseLong(v.substring(0, v.length() - 1));
        }
        if (v.endsWith("m")) {
            return Long.parseLong(v.substring(0, v.length() - 1)) * 60;
        }
        return Long.parseLong(v);
    }
}
