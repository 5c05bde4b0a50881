package io.anygate.testsupport;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The standalone TX simulator (profile {@code txsim}) seen from an {@code *IT} test, over its TX API and its
 * {@code /sim} endpoints, with the sandbox credentials: fault rules, contracts' balances, cards, transactions.
 */
public final class SimulatorHttp {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;
    private final String auth = "Basic " + Base64.getEncoder()
            .encodeToString("tx-sandbox:tx-sandbox-secret".getBytes(StandardCharsets.US_ASCII));

    public SimulatorHttp(String base) {
        this.base = base;
    }

    /** {@code PUT /sim/faults}: one rule or an array of rules (docs/tx-contract.md, Fault injection). */
    public void faults(Object rules) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/sim/faults")).PUT(HttpRequest.BodyPublishers.ofString(
                JSON.writeValueAsString(rules))).header("Content-Type", "application/json"));
    }

    /** The rules in force with their call counts ({@code GET /sim/faults}). */
    public JsonNode faults() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/sim/faults")).GET());
    }

    /** {@code DELETE /sim/faults}: no fault any more, held requests released. */
    public void clearFaults() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/sim/faults")).DELETE());
    }

    /** {@code GET /sim/stats}: {@code internalErrors} (answers only a simulator bug reaches), {@code transactions}. */
    public JsonNode stats() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/sim/stats")).GET());
    }

    public JsonNode card(long cardId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/tx/v1/card?ref%5Bid%5D=" + cardId)).GET());
    }

    /** A contract as TX shows it ({@code GET /tx/v1/contract?ref[id]=}). */
    public JsonNode contract(long contractId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/tx/v1/contract?ref%5Bid%5D=" + contractId)).GET());
    }

    /** A contract's available balance. */
    public BigDecimal balance(long contractId) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/tx/v1/contract?ref%5Bid%5D=" + contractId)).GET())
                .path("details").path("balances").path("available").decimalValue();
    }

    /** Every money movement naming the contract ({@code GET /tx/v1/trans}, all pages, oldest first). */
    public List<JsonNode> trans(long contractId) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        boolean more = true;
        while (more) {
            JsonNode page = send(HttpRequest.newBuilder(uri("/tx/v1/trans?contract%5Bid%5D=" + contractId
                    + "&page%5Boffset%5D=" + all.size() + "&page%5Blimit%5D=1000&order=IdAsc")).GET());
            page.path("objects").forEach(all::add);
            more = page.path("hasMore").asBoolean();
        }
        return all;
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private JsonNode send(HttpRequest.Builder rq) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(rq.header("Authorization", auth).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("simulator " + r.request().method() + " " + r.request().uri() + ": "
                    + r.statusCode() + " " + r.body());
        }
        return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
    }
}
