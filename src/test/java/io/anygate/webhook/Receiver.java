package io.anygate.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's webhook receiver on 127.0.0.1 (a Vert.x server of its own): records every request, answers
 * {@link #status} after {@code delayMillis}, and records how many deliveries (of one event id, and in all) were in
 * flight at once.
 */
final class Receiver implements AutoCloseable {

    record Received(String eventId, String host, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);
    final AtomicInteger maxConcurrentPerEvent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicInteger inFlightAll = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Vertx vertx = Vertx.vertx();
    private final long delayMillis;
    private HttpServer server;
    private int port;

    private Receiver(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    static Receiver start(long delayMillis) throws Exception {
        Receiver r = new Receiver(delayMillis);
        r.listen(0);
        return r;
    }

    /** A receiver whose port is known but nobody listens on yet (connection refused). */
    static Receiver down() throws Exception {
        Receiver r = start(0);
        r.server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        r.server = null;
        return r;
    }

    void up() throws Exception {
        listen(port);
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/anytime";
    }

    long count(String eventId) {
        return received.stream().filter(r -> eventId.equals(r.eventId())).count();
    }

    private void listen(int p) throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> {
            String eventId = req.getHeader("X-Webhook-Event-Id");
            AtomicInteger n = inFlight.computeIfAbsent(String.valueOf(eventId), k -> new AtomicInteger());
            maxConcurrentPerEvent.accumulateAndGet(n.incrementAndGet(), Math::max);
            maxConcurrent.accumulateAndGet(inFlightAll.incrementAndGet(), Math::max);
            req.body().onComplete(body -> {
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                req.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
                Runnable answer = () -> {
                    received.add(new Received(eventId, req.getHeader("Host"), headers,
                            body.succeeded() ? body.result().toString() : ""));
                    n.decrementAndGet();
                    inFlightAll.decrementAndGet();
                    req.response().setStatusCode(status.get()).end();
                };
                if (delayMillis > 0) {
                    vertx.setTimer(delayMillis, t -> answer.run());
                } else {
                    answer.run();
                }
            });
        });
        server.listen(p, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    @Override
    public void close() {
        vertx.close();
    }
}
