package io.anygate.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Anytime calls to a gateway process over {@code java.net.http}, signed as the SDK signs them (a fresh
 * X-Validation-Data per call, SHA1withRSA, Bearer token, form parameters), for the {@code *IT} tests that run the
 * packaged jar. Each instance has its own connection pool, so a client made after a restart never reuses a
 * connection to the dead process.
 */
public final class SignedHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public SignedHttp(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** {@code POST /oauth/v2/token} (password grant); fails unless it answers 200. */
    public String token(TestPartner p) throws IOException, InterruptedException {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", p.clientId(),
                "client_secret", p.clientSecret(), "username", p.username(), "password", p.password());
        String data = EdgeClient.freshValidationData();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth/v2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Validation-Data", data).header("X-Signed-Request", EdgeClient.sign(p.key(), data))
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("token: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("body").path("access_token").asText();
    }

    /** A signed GET. */
    public HttpResponse<String> get(String path, TestPartner p, String token) throws IOException, InterruptedException {
        String data = EdgeClient.freshValidationData();
        return send(path, token, data, EdgeClient.sign(p.key(), data));
    }

    /** A GET with the given validation data and signature (replay tests). */
    public HttpResponse<String> send(String path, String token, String data, String signature)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("X-Validation-Data", data).header("X-Signed-Request", signature)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A signed form POST, with an {@code Idempotency-Key} when {@code idempotencyKey} is not null. */
    public HttpResponse<String> post(String path, TestPartner p, String token, Map<String, String> form,
            String idempotencyKey, Duration timeout) throws IOException, InterruptedException {
        String data = EdgeClient.freshValidationData();
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("X-Validation-Data", data).header("X-Signed-Request", EdgeClient.sign(p.key(), data))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).timeout(timeout);
        if (idempotencyKey != null) {
            rq.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(rq.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
