package io.anygate.anytime.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.Envelopes;
import io.anygate.anytime.IdempotencyKey;
import io.anygate.anytime.UnexpectedExceptionMapper;
import io.anygate.anytime.forms.MultiRequestForm.SubRequest;
import io.anygate.security.SubRequestTickets;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the sub-requests of a multi-request to this process's own HTTP listener, one after the other in index order
 * (one may depend on another's effect), so that each runs the whole path of a direct call: routing, edge checks,
 * Idempotency-Key, resource, journal, envelope, access line. Each carries a one-time {@link SubRequestTickets} ticket
 * instead of a validation data of its own. No thread waits for a sub-request: the Vert.x client answers on an event
 * loop and the next step runs on a worker, so a batch holds no worker while its sub-requests need one.
 *
 * <p>Every sub-request is sent from one event-loop context of this bean's own, never from the batch's thread: Vert.x
 * 4.5 can drop the end of a response whose body is asked for on another thread than the one its connection reads on
 * (eclipse-vertx/vert.x#6038). On one context the connection's reads, the head and the body handler are one thread.
 * A deadline of its own ({@link #DEADLINE_MARGIN} past the sub-request timeout) still bounds each sub-request, so a
 * signal lost anywhere else answers 408 in its slot instead of holding the batch.
 */
@ApplicationScoped
public class SubRequestDispatcher {

    private static final Logger LOG = Logger.getLogger(SubRequestDispatcher.class);

    @Inject
    Vertx vertx;
    @Inject
    SubRequestTickets tickets;
    @Inject
    Envelopes envelopes;
    @Inject
    ObjectMapper json;
    @Inject
    MultiRequestConfig config;
    @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0")
    String listenerHost;

    /** The 403 refusals of the edge, made before a sub-request's Idempotency-Key is looked at (every 401 is one too). */
    private static final Set<Integer> EDGE_REFUSALS = Set.of(AnytimeError.FUNCTIONALITY_NOT_ALLOWED.code());

    /** How long past the client's own idle timeout a sub-request's deadline falls. */
    static final Duration DEADLINE_MARGIN = Duration.ofSeconds(5);

    private HttpClient client;
    private Context sending;

    /**
     * A batch as its request knows it, read on the request's thread before any sub-request is sent.
     *
     * @param tokenHash the hash of the token the batch was admitted with, checked again by each sub-request
     * @param renewClaim renews the in-flight lease of the batch's Idempotency-Key claim (a no-op without one), before
     *                each sub-request: a batch may outlast one lease, and a retry must then still answer 409
     * @param port    the local port the batch came in on: the listener its sub-requests go to
     * @param context the batch request's own Vert.x context: each answer comes back on it, so that the rest of the
     *                batch (its envelope, its access line and their MDC) runs where it would without sub-requests
     */
    record Batch(String partnerId, String username, InetAddress client, String tokenHash, long requestId,
            Optional<String> idempotencyKey, Runnable renewClaim, int port, Context context) {
    }

    /**
     * One sub-request's answer.
     *
     * @param envelope   the exact envelope text the sub-request answered (or one made here when it could not)
     * @param replayable false when the answer carries card secrets ({@code Cache-Control: no-store}), its outcome
     *                   is unknown (408, 5xx), it asks to retry later (409: its derived key is still in flight;
     *                   429: rate limited; the sub-request did not run and kept nothing under its key) or the edge
     *                   refused it (401, 403 4030030): the batch answer is then not kept for an Idempotency-Key replay
     */
    record Slot(int status, String envelope, boolean replayable) {
    }

    private record Received(int status, String cacheControl, String body) {
    }

    @PostConstruct
    void open() {
        // a new context of its own, whatever thread creates the bean (getOrCreateContext would take a request's)
        sending = VertxInternals.newEventLoopContext(vertx);
        client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(config.connections()).setKeepAlive(true)
                .setName("multi-request"));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Runs the sub-requests in index order; never fails: every sub-request gets a slot with an Anytime answer. */
    Uni<List<Slot>> run(Batch batch, List<SubRequest> subs) {
        return Multi.createFrom().range(0, subs.size())
                .onItem().transformToUniAndConcatenate(i -> one(batch, i, subs.get(i)))
                .collect().asList();
    }

    private Uni<Slot> one(Batch batch, int index, SubRequest sub) {
        Optional<SubRequestTarget> target = SubRequestTarget.of(sub);
        if (target.isEmpty()) {
            return Uni.createFrom().item(() -> local(batch, AnytimeError.INVALID_ROUTE, "Invalid route"));
        }
        SubRequestTarget t = target.get();
        return Uni.createFrom().deferred(() -> {
            // on a worker (the batch's, or the one that finished the previous slot): a store UPDATE
            batch.renewClaim().run();
            String ticket = tickets.issue(new SubRequestTickets.Ticket(batch.partnerId(), batch.client(),
                    batch.requestId(), index, t.method(), t.path(), batch.tokenHash()));
            return Uni.createFrom().completionStage(() -> send(batch, index, t, ticket).toCompletionStage())
                    .ifNoItem().after(config.subRequestTimeout().plus(DEADLINE_MARGIN)).failWith(TimeoutException::new)
                    .onTermination().invoke(() -> tickets.withdraw(ticket));
        })
                // off the event loop: making an envelope may read the store
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(received -> slot(batch, index, received))
                .onFailure().recoverWithItem(e -> failed(batch, index, e));
    }

    private Future<Received> send(Batch batch, int index, SubRequestTarget t, String ticket) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(t.method()))
                .setHost(loopback()).setPort(batch.port()).setURI(t.uri())
                .setIdleTimeout(config.subRequestTimeout().toMillis())
                .putHeader(SubRequestTickets.HEADER, ticket);
        if (t.writes()) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded");
            batch.idempotencyKey().ifPresent(key -> options.putHeader(IdempotencyKey.HEADER, subKey(key, index)));
        }
        Promise<Received> received = VertxInternals.promiseOn(batch.context());
        sending.runOnContext(v -> client.request(options)
                .compose(rq -> t.body() == null ? rq.send() : rq.send(Buffer.buffer(t.body())))
                .compose(rs -> rs.body().map(body -> new Received(rs.statusCode(),
                        rs.getHeader(HttpHeaders.CACHE_CONTROL), body.toString(StandardCharsets.UTF_8))))
                .onComplete(received));
        return received.future();
    }

    private Slot slot(Batch batch, int index, Received r) {
        JsonNode envelope = envelope(r.body());
        if (envelope == null) {
            // not from the Anytime surface: the server refused it before routing (shutting down, too large)
            LOG.warnf("multi-request %d: sub-request %d answered HTTP %d without an envelope", batch.requestId(),
                    index, r.status());
            return local(batch, AnytimeError.UNKNOWN, UnexpectedExceptionMapper.MESSAGE);
        }
        boolean secret = r.cacheControl() != null && r.cacheControl().toLowerCase(Locale.ROOT).contains("no-store");
        boolean unknownOutcome = r.status() == 408 || r.status() >= 500;
        // kept, a "retry later" would be replayed for the key's whole retention: the retry could never run it
        boolean retryLater = r.status() == 409 || r.status() == 429;
        // refused before its Idempotency-Key was looked at, by what the partner or an operator can change (token,
        // IP allowlist, allowed functionalities): a direct call's such refusal is never kept, nor is the batch's
        boolean refusedAtEdge = r.status() == 401
                || EDGE_REFUSALS.contains(envelope.path("body").path("error").path("code").asInt());
        return new Slot(r.status(), r.body(), !secret && !unknownOutcome && !retryLater && !refusedAtEdge);
    }

    private Slot failed(Batch batch, int index, Throwable e) {
        if (e instanceof TimeoutException) {
            return local(batch, AnytimeError.BANKING_NETWORK_TIMEOUT, "No answer within "
                    + config.subRequestTimeout().toSeconds() + " s: the sub-request may still complete");
        }
        LOG.warnf("multi-request %d: sub-request %d could not be sent: %s", batch.requestId(), index, e.toString());
        return local(batch, AnytimeError.UNKNOWN, UnexpectedExceptionMapper.MESSAGE);
    }

    private Slot local(Batch batch, AnytimeError error, String message) {
        String envelope = new String(envelopes.errorBytes(error, message, batch.username()), StandardCharsets.UTF_8);
        return new Slot(error.httpStatus(), envelope, error.httpStatus() < 500 && error.httpStatus() != 408);
    }

    /** The answer's envelope, or null when the body is none (not from the Anytime surface). */
    private JsonNode envelope(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() && node.has("body") ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    // the listener bound to every address is reached on loopback
    private String loopback() {
        String host = listenerHost.trim();
        return switch (host) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> host;
        };
    }

    /**
     * The Idempotency-Key of sub-request {@code index} of a batch sent with {@code batchKey}: the same on every retry
     * of the batch, so that a write sub-request replays (or resumes) rather than runs again.
     */
    static String subKey(String batchKey, int index) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(batchKey.getBytes(StandardCharsets.UTF_8));
            return "multi-request:" + HexFormat.of().formatHex(digest, 0, 16) + ":" + index;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
