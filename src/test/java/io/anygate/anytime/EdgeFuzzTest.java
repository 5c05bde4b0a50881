package io.anygate.anytime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and hostile headers and form bodies (fixed seed): never a 5xx, always an envelope with an error code. */
@QuarkusTest
class EdgeFuzzTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    URL root;
    int port;

    @org.junit.jupiter.api.BeforeEach
    void port() {
        port = root.getPort();
    }

    static final List<String> PATHS = List.of("/oauth/v2/token", "/v1.0/apicheck", "/v1.0/apicheck", "/v2.0/apicheck",
            "/v1/apicheck", "/v1.0/%2e%2e/v1.0/apicheck", "/v1.0/x/../apicheck", "/vv/apicheck", "/v1.0/", "/oauth/v2/token/x");
    static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded", "application/json",
            "multipart/form-data; boundary=xyz", "text/plain", "application/x-www-form-urlencoded; charset=utf-16",
            "application/octet-stream");

    @Test
    void hostileRequestsNeverGetA5xx() throws Exception {
        Random random = new Random(424242);
        String token = EdgeClient.token(TestPartner.ALPHA);
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 300; i++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (random.nextInt(3) > 0) {
                request.header("Authorization", random.nextBoolean() ? "Bearer " + token : "Bearer " + junk(random));
            }
            if (random.nextInt(3) > 0) {
                request.header("X-Validation-Data", junk(random));
            }
            if (random.nextInt(3) > 0) {
                request.header("X-Signed-Request", random.nextBoolean() ? junk(random)
                        : EdgeClient.sign(TestPartner.ALPHA.key(), junk(random)));
            }
            if (random.nextInt(4) == 0) {
                request.header("X-Forwarded-For", junk(random));
            }
            if (random.nextInt(3) == 0) {
                request.GET();
            } else {
                request.header("Content-Type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
                byte[] body = form(random).getBytes(StandardCharsets.ISO_8859_1);
                request.method(random.nextInt(5) == 0 ? "PUT" : "POST", HttpRequest.BodyPublishers.ofByteArray(body));
            }
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = r.body();
            assertTrue(r.statusCode() < 500, "case " + i + " " + path + " -> " + r.statusCode() + " " + body);
            assertTrue(body.contains("\"hash\":") && body.contains("\"request_id\":"), "case " + i + ": " + body);
            assertTrue(!body.contains("Exception:") && !body.contains("\tat "), body);
        }
    }

    static String junk(Random random) {
        int kind = random.nextInt(6);
        return switch (kind) {
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
            sb.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return sb.toString();
    }

    static String form(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "grant_type=password&client_id=alpha-client&client_secret=%ZZ&username=%&password=" + junk(random);
            case 1 -> "test_param=" + randomChars(random, 50) + "&&&=&=";
            case 2 -> "{\"grant_type\":\"password\"}";
            case 3 -> "--xyz\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\npassword\r\n--xyz";
            case 4 -> "grant_type=" + "x".repeat(random.nextInt(20000));
            default -> randomChars(random, random.nextInt(500));
        };
    }
}
