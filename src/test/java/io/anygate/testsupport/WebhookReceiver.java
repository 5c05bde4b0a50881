package io.anygate.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A partner's webhook endpoint for the {@code *IT} tests: a loopback HTTP server that answers every POST with 200
 * and records the delivery (the {@code X-Webhook-Event-Id} header and the raw body).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One delivery as received. */
    public record Delivery(String eventId, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final List<Delivery> deliveries = new ArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        receiver.server.createContext("/hook", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("X-Webhook-Event-Id");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (receiver.deliveries) {
                receiver.deliveries.add(new Delivery(String.valueOf(id), body));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.server.setExecutor(receiver.threads);
        receiver.server.start();
        return receiver;
    }

    /** The URL to register as the partner's {@code webhook_url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Every delivery so far, in arrival order. */
    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** How many times the event was delivered. */
    public long count(String eventId) {
        return deliveries().stream().filter(d -> d.eventId().equals(eventId)).count();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
