package io.anygate.testsupport;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Whether the test Redis answers on 127.0.0.1:6379 (or {@code ANYGATE_TEST_REDIS_HOST}/{@code _PORT}). Tests that
 * need it are skipped when it does not, as the PostgreSQL tests are ({@link EnabledIfPostgres}).
 */
public final class RedisAvailability {

    private static Boolean reachable;

    private RedisAvailability() {
    }

    public static String host() {
        String h = System.getenv("ANYGATE_TEST_REDIS_HOST");
        return h == null || h.isBlank() ? "127.0.0.1" : h;
    }

    public static int port() {
        String p = System.getenv("ANYGATE_TEST_REDIS_PORT");
        return p == null || p.isBlank() ? 6379 : Integer.parseInt(p);
    }

    public static String url() {
        return "redis://" + host() + ":" + port();
    }

    /** Answers once per JVM: a PING answered PONG. */
    public static synchronized boolean reachable() {
        if (reachable == null) {
            reachable = ping();
        }
        return reachable;
    }

    private static boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host(), port()), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] answer = new byte[7];
            int n = in.readNBytes(answer, 0, 7);
            return n == 7 && new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
