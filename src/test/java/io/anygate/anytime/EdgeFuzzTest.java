package io.anygate.anytime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Generated malformed requests over every Anytime route (fixed seed, a fixed number of requests): odd methods,
 * odd path segments and versions, bad query parameters, missing, forged and oversized headers, bodies of every
 * content type, too many form fields, values and bodies over the limits. Every answer on {@code /v1.0/**} and
 * {@code /oauth/**} must be below 500 and a complete Anytime envelope whose error code matches its status.
 */
@QuarkusTest
class EdgeFuzzTest {

    private static final int REQUESTS = 2_600;
    private static final long SEED = 424242;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every Anytime route: method and template (the resources under io.anygate.anytime). */
    static final List<String[]> ROUTES = List.of(
            r("POST", "/oauth/v2/token"),
            r("GET", "/v1.0/apicheck"), r("POST", "/v1.0/apicheck"),
            r("GET", "/v1.0/accounts"), r("POST", "/v1.0/accounts"), r("GET", "/v1.0/accounts/{id}"),
            r("PUT", "/v1.0/accounts/{id}"), r("GET", "/v1.0/accounts/{id}/balance"),
            r("GET", "/v1.0/accounts/{id}/kyc"), r("POST", "/v1.0/accounts/{id}/kyc"),
            r("GET", "/v1.0/accounts/{id}/credit-transfers"), r("POST", "/v1.0/accounts/{id}/credit-transfers"),
            r("GET", "/v1.0/accounts/{id}/credit-transfers/{ctid}/testimonial"),
            r("POST", "/v1.0/accounts/{id}/iban"), r("GET", "/v1.0/accounts/{id}/cards"),
            r("GET", "/v1.0/accounts/{id}/statements"), r("GET", "/v1.0/accounts/{id}/statements/{txid}"),
            r("POST", "/v1.0/cards"), r("GET", "/v1.0/cards"), r("GET", "/v1.0/cards/unlinked"),
            r("GET", "/v1.0/cards/{card_ref}"), r("PUT", "/v1.0/cards/{card_ref}"),
            r("POST", "/v1.0/cards/{card_ref}/credit"), r("POST", "/v1.0/cards/{card_ref}/debit"),
            r("GET", "/v1.0/cards/{card_ref}/transactions"), r("GET", "/v1.0/cards/{card_ref}/transactions/{txid}"),
            r("GET", "/v1.0/cards/{card_ref}/pin"), r("POST", "/v1.0/cards/{card_ref}/pin"),
            r("GET", "/v1.0/cards/{card_ref}/pan"), r("POST", "/v1.0/cards/{card_ref}/pan"),
            r("POST", "/v1.0/cards/{card_ref}/details-display"),
            r("GET", "/v1.0/orders/{id}/tracking"),
            r("POST", "/v1.0/multi-request"));
    static final List<String> SEGMENTS = List.of("ANY0000000001", "1", "0", "-1", "99999999999999999999", "%00",
            "%ZZ", "..", "%2e%2e", "%2F", "a;b=c", "x".repeat(300), "%C3%A9", "%FF%FE", "null", "%27%20OR%201=1",
            "%7Bcard_ref%7D", "ANY", "ANY00000000010000", "1e9", "0x10", "%20", "{card_ref}", "a|b", "<x>", "%",
            "\u00e9");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD",
            "TRACE", "PROPFIND", "X-JUNK", "get", "P0ST");
    static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded", "application/json",
            "multipart/form-data; boundary=xyz", "multipart/form-data", "text/plain", "text/xml",
            "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=nope",
            "application/octet-stream", "*/*", "garbage", "application/x-www-form-urlencoded;;;");
    static final List<String> ACCEPTS = List.of("*/*", "text/html", "application/xml", "application/json;q=x",
            "image/png", "");

    @TestHTTPResource("/")
    URL root;

    private static String[] r(String method, String template) {
        return new String[] {method, template};
    }

    @Test
    void malformedRequestsNeverGetA5xxNorAnAnswerOutsideTheEnvelope() throws Exception {
        Random random = new Random(SEED);
        String token = EdgeClient.token(TestPartner.ALPHA);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int codecRefusals = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String[] route = ROUTES.get(random.nextInt(ROUTES.size()));
            String method = random.nextInt(5) == 0 ? METHODS.get(random.nextInt(METHODS.size())) : route[0];
            String path = path(random, route[1]);
            List<String[]> headers = new ArrayList<>();
            headers(random, headers, token);
            byte[] body = new byte[0];
            if (!method.equals("GET") && !method.equals("HEAD") || random.nextInt(10) == 0) {
                headers.add(new String[] {"Content-Type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))});
                body = body(random);
            }
            RawAnswer answer;
            try {
                answer = RawAnswer.send(root.getPort(), method, path, headers, body, random.nextInt(8) == 0);
            } catch (IOException e) {
                failures.add("case " + i + " " + method + " " + abbreviate(path) + ": " + e);
                continue;
            }
            if (answer == null) {
                continue; // a body over the limit: answered and cut while it was still being sent
            }
            if (!httpTarget(path)) {
                // a request line the HTTP codec cannot parse (malformed escape, a character that must be escaped)
                // is refused by the codec before any HTTP request exists: a bare 400, connection closed
                codecRefusals++;
                if (answer.status() != 400) {
                    failures.add("case " + i + " " + method + " " + abbreviate(path) + " -> " + answer.status()
                            + " unparsable request line not refused with 400");
                }
                continue;
            }
            checked++;
            String problem = problem(method, answer);
            if (problem != null) {
                failures.add("case " + i + " " + method + " " + abbreviate(path) + " -> " + answer.status() + " "
                        + problem + " " + abbreviate(answer.body()));
            }
        }
        assertTrue(checked >= 2_000, "at least 2000 answers checked: " + checked + " (" + codecRefusals
                + " refused by the codec)");
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n"
                + failures.stream().limit(30).collect(Collectors.joining("\n")));
    }

    /** What is wrong with an answer, or null: below 500, an envelope, an error code of the answer's status. */
    static String problem(String method, RawAnswer answer) {
        int status = answer.status();
        if (status >= 500) {
            return "5xx";
        }
        if (method.equals("HEAD")) {
            return null; // no body, by definition
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(answer.body());
        } catch (IOException e) {
            return "not JSON";
        }
        if (envelope == null || !envelope.path("request_id").isNumber() || !envelope.path("timestamp").isNumber()
                || !envelope.path("hash").isTextual() || !envelope.has("body")) {
            return "not an envelope";
        }
        if (!answer.header("X-Gateway-Signature")) {
            return "not signed";
        }
        if (status >= 400) {
            int code = envelope.path("body").path("error").path("code").asInt();
            if (code / 10000 != status) {
                return "error code " + code + " does not match the status";
            }
        }
        if (answer.body().contains("\tat ") || answer.body().contains("Exception:")) {
            return "stack trace in the answer";
        }
        return null;
    }

    /**
     * Whether the HTTP codec reads a request target: no control character, space or character RFC 3986 excludes,
     * every escape of two hex digits (bytes over 0x7f, e.g. raw UTF-8, it passes on).
     */
    static boolean httpTarget(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c == 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                return false;
            }
            if (c == '%' && (i + 2 >= target.length() || Character.digit(target.charAt(i + 1), 16) < 0
                    || Character.digit(target.charAt(i + 2), 16) < 0)) {
                return false;
            }
        }
        return true;
    }

    static String path(Random random, String template) {
        String path = template;
        while (path.contains("{")) {
            int start = path.indexOf('{');
            int end = path.indexOf('}', start);
            String value = random.nextInt(3) == 0 ? SEGMENTS.get(random.nextInt(SEGMENTS.size()))
                    : String.valueOf(random.nextInt(100_000));
            path = path.substring(0, start) + value + path.substring(end + 1);
        }
        switch (random.nextInt(12)) {
            case 0 -> path = path + "/";
            case 1 -> path = path.replaceFirst("/", "//");
            case 2 -> path = path + "/extra/" + random.nextInt(1000);
            case 3 -> path = path.replace("v1.0", List.of("v2.0", "v1.0.0", "v01.0", "V1.0", "v1", "v.", "v9999999.0")
                    .get(random.nextInt(7)));
            case 4 -> path = path + ";jsessionid=" + random.nextInt();
            case 5 -> path = path + (random.nextInt(4) == 0 ? "/%2e%2e/x%ZZ/%" : "/%2e%2e/x%25ZZ/%2e");
            default -> {
            }
        }
        switch (random.nextInt(8)) {
            case 0 -> path = path + "?page=-1&per_page=99999999999999999999&date_start="
                    + (random.nextInt(4) == 0 ? "%ZZ" : "%25ZZ%00%FF");
            case 1 -> path = path + "?" + encoded(fields(random, 200 + random.nextInt(1200), 4));
            case 2 -> path = path + "?x=" + "a".repeat(3000 + random.nextInt(3000));
            case 3 -> path = path + "?&&&==&%00=%00";
            default -> {
            }
        }
        return path;
    }

    static void headers(Random random, List<String[]> request, String token) {
        switch (random.nextInt(5)) {
            case 0 -> add(request, "Authorization", "Bearer " + token);
            case 1 -> add(request, "Authorization", "Bearer " + junk(random));
            case 2 -> add(request, "Authorization", random.nextBoolean() ? "Basic Zm9vOmJhcg==" : "Bearer");
            default -> {
            }
        }
        if (random.nextInt(3) > 0) {
            String data = random.nextBoolean() ? EdgeClient.freshValidationData() : junk(random);
            add(request, "X-Validation-Data", data.isEmpty() ? "x" : data);
            add(request, "X-Signed-Request", random.nextBoolean() ? EdgeClient.sign(TestPartner.ALPHA.key(),
                    data.isEmpty() ? "x" : data) : "x" + junk(random));
        }
        if (random.nextInt(5) == 0) {
            add(request, "X-Forwarded-For", "x" + junk(random));
        }
        if (random.nextInt(5) == 0) {
            add(request, "Accept", ACCEPTS.get(random.nextInt(ACCEPTS.size())).isEmpty() ? "x"
                    : ACCEPTS.get(random.nextInt(ACCEPTS.size())));
        }
        if (random.nextInt(6) == 0) {
            add(request, "Idempotency-Key", "k" + junk(random));
        }
        if (random.nextInt(25) == 0) {
            add(request, "X-Junk", "b".repeat(21_000 + random.nextInt(10_000)));
        }
        if (random.nextInt(25) == 0) {
            for (int h = 0; h < 150; h++) {
                add(request, "X-Many-" + h, "v".repeat(random.nextInt(200)));
            }
        }
    }

    private static void add(List<String[]> headers, String name, String value) {
        headers.add(new String[] {name, value});
    }

    static byte[] body(Random random) {
        String text = switch (random.nextInt(12)) {
            case 0 -> "grant_type=password&client_id=fuzz-client&client_secret=%ZZ&username=%&password=" + junk(random);
            case 1 -> "amount=" + junk(random) + "&&&=&=&currency=" + junk(random);
            case 2 -> "{\"grant_type\":\"password\",\"amount\":" + random.nextLong() + "}";
            case 3 -> "--xyz\r\nContent-Disposition: form-data; name=\"amount\"\r\n\r\n1\r\n--xyz";
            case 4 -> "amount=" + "1".repeat(1000 + random.nextInt(5000));
            case 5 -> fields(random, 990 + random.nextInt(600), 3);
            case 6 -> "";
            case 7 -> "amount=10&currency=EUR&comment=" + "%E2%82%AC".repeat(random.nextInt(800));
            case 8 -> random.nextInt(4) == 0 ? "amount=" + "9".repeat(1_050_000) : "amount=1";
            case 9 -> "requests=" + junk(random) + "&requests[0][method]=GET&requests[0][path]=/v1.0/apicheck";
            case 10 -> null;
            default -> randomChars(random, random.nextInt(500));
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = new byte[random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** As an HTTP client library sends a query: every character outside RFC 3986's unreserved ones escaped. */
    static String encoded(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            out.append(out.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(pair.substring(0, eq),
                    StandardCharsets.UTF_8)).append('=').append(java.net.URLEncoder.encode(pair.substring(eq + 1),
                    StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    static String fields(Random random, int n, int valueLength) {
        return IntStream.range(0, n).mapToObj(i -> "p" + i + "=" + randomChars(random, valueLength)
                .replace("&", "a").replace("%", "b").replace("#", "c").replace(" ", "d"))
                .collect(Collectors.joining("&"));
    }

    static String junk(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "A".repeat(random.nextInt(3000));
            case 2 -> "%%%\\u00ff" + random.nextLong();
            case 3 -> "====" + Long.toHexString(random.nextLong());
            case 4 -> "127.0.0.1, ::1, [::1]:80, 999.1.1.1, a.b";
            default -> randomChars(random, 1 + random.nextInt(200));
        };
    }

    static String randomChars(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return sb.toString();
    }

    /**
     * One request over a socket of its own, bytes as given (an HTTP client library would refuse a malformed escape
     * or method), HTTP/1.1 with {@code Connection: close}: the answer is read to the end of the stream.
     */
    record RawAnswer(int status, List<String> headers, String body) {

        boolean header(String name) {
            return headers.stream().anyMatch(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
        }

        /** The answer, or null when the server cut a body over the limit before it was all sent, unanswered. */
        static RawAnswer send(int port, String method, String path, List<String[]> headers, byte[] body,
                boolean chunked) throws IOException {
            StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n");
            for (String[] h : headers) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            if (body.length > 0 && chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (body.length > 0 || !method.equals("GET") && !method.equals("HEAD")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
                socket.setSoTimeout(30_000);
                java.io.OutputStream out = socket.getOutputStream();
                boolean cut = false;
                try {
                    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                    if (body.length > 0 && chunked) {
                        out.write((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(body);
                    }
                    out.flush();
                } catch (IOException e) {
                    cut = true; // the server answered early and closed: its answer may still be readable
                }
                byte[] bytes;
                try {
                    bytes = socket.getInputStream().readAllBytes();
                } catch (IOException e) {
                    if (cut || body.length > 1_000_000) {
                        return null;
                    }
                    throw e;
                }
                if (bytes.length == 0 && (cut || body.length > 1_000_000)) {
                    return null;
                }
                return parse(bytes);
            }
        }

        static RawAnswer parse(byte[] bytes) throws IOException {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.") || end < 0) {
                throw new IOException("not an HTTP answer: " + abbreviate(text));
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String> headers = List.of(lines).subList(1, lines.length);
            String rest = text.substring(end + 4);
            boolean chunked = headers.stream().anyMatch(h -> h.toLowerCase().startsWith("transfer-encoding:")
                    && h.toLowerCase().contains("chunked"));
            if (chunked) {
                StringBuilder body = new StringBuilder();
                int at = 0;
                while (true) {
                    int eol = rest.indexOf("\r\n", at);
                    int size = Integer.parseInt(rest.substring(at, eol).split(";")[0].trim(), 16);
                    if (size == 0) {
                        break;
                    }
                    body.append(rest, eol + 2, eol + 2 + size);
                    at = eol + 2 + size + 2;
                }
                rest = body.toString();
            }
            return new RawAnswer(status, headers, new String(rest.getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8));
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + ")";
    }
}
