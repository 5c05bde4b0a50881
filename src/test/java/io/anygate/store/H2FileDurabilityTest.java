package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file store, with the JDBC URL the gateway uses (application.properties), keeps every commit it
 * acknowledged when its process is killed with SIGKILL: the journal writes a money operation, TX moves the money,
 * and a restarted gateway must still know the operation. A child JVM commits rows one by one and reports each
 * commit; it is killed mid-stream; every reported row must be in the file afterwards.
 */
class H2FileDurabilityTest {

    private static final int ACKNOWLEDGED = 300;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCommitSurvivesSigkill() throws Exception {
        String url = gatewayUrl(dir);
        try (Connection c = DriverManager.getConnection(url, credentials()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE acked (id INT PRIMARY KEY, payload VARCHAR(200))");
        }
        Process writer = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while (acknowledged < ACKNOWLEDGED && (line = out.readLine()) != null) {
                acknowledged = Integer.parseInt(line.trim());
            }
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(ACKNOWLEDGED, acknowledged, "the writer reported its commits");
        assertEquals(137, writer.exitValue(), "killed by SIGKILL, no shutdown");

        try (Connection c = DriverManager.getConnection(url, credentials());
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM acked WHERE id <= ?")) {
            ps.setInt(1, acknowledged);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(acknowledged, rs.getInt(1), "commits acknowledged before the kill and lost");
            }
        }
    }

    /** The gateway's H2 URL ({@code quarkus.datasource.h2.jdbc.url}) with its data dir in {@code dataDir}. */
    static String gatewayUrl(Path dataDir) throws Exception {
        Properties app = new Properties();
        try (InputStream in = H2FileDurabilityTest.class.getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        return app.getProperty("quarkus.datasource.h2.jdbc.url")
                .replace("${gateway.data-dir}", dataDir.toAbsolutePath().toString());
    }

    static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "sa");
        p.setProperty("password", "");
        return p;
    }

    /** The child: autocommitted inserts, each reported on stdout once {@code executeUpdate} has returned. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(args[0], credentials());
                 PreparedStatement ps = c.prepareStatement("INSERT INTO acked VALUES (?, ?)")) {
                for (int i = 1; ; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "operation " + i);
                    ps.executeUpdate();
                    System.out.println(i);
                    System.out.flush();
                }
            }
        }
    }
}
