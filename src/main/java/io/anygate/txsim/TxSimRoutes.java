package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.anygate.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Mounts the simulator on the Vert.x router at {@code gateway.txsim.base-path} when {@code gateway.txsim.enabled}:
 * body, Basic auth, fault injection, then the operation on a worker thread (handlers take locks), its request first
 * checked against the operation's schema ({@link TxSchemas}). Expected
 * failures are 4xx answers; anything else is logged and answered 500 (and counted in {@code sim/stats}).
 */
@ApplicationScoped
public class TxSimRoutes {

    private static final Logger LOG = Logger.getLogger(TxSimRoutes.class);
    private static final int ORDER = -1000;

    /** One operation: reads the request, answers. Runs on a worker thread. */
    interface Handler {
        Reply handle(RoutingContext ctx, QueryParams q);
    }

    @Inject
    TxSimConfig config;
    @Inject
    GatewayConfig gateway;

    @Inject
    Vertx vertx;

    private final AtomicLong internalErrors = new AtomicLong();
    private volatile StateFile stateFile;
    private TxSimOperationsHandlers ops;
    private Faults faults;

    void init(@Observes Router router) throws java.io.IOException {
        if (!config.enabled()) {
            return;
        }
        SimState state;
        String file = config.stateFile().map(String::trim).orElse("");
        if (file.isEmpty()) {
            state = new SimState();
        } else {
            stateFile = new StateFile(Path.of(file), config.snapshotDebounceMs());
            state = stateFile.load();
        }
        ops = new TxSimOperationsHandlers(state, new SimPinBlocks(config.pinFormat(), config.pinKey()),
                config.repeatedKey(), new Shipments(config.shippingDelay(), config.shippingCarrier()));
        faults = new Faults(vertx, config.faultHoldMs());
        String prefix = gateway.txsimPrefix();
        List<String> scopes = prefix.isEmpty() ? List.of("/", "/tx/*", "/sim/*") : List.of(prefix, prefix + "/*");
        for (String scope : scopes) {
            router.route(scope).order(ORDER).handler(BodyHandler.create(false).setBodyLimit(1024 * 1024))
                    .failureHandler(this::failure);
            router.route(scope).order(ORDER + 1).handler(this::authenticate);
        }
        route(router, HttpMethod.GET, prefix.isEmpty() ? "/" : prefix, "ping", (ctx, q) -> Reply.ok(SimJson.object()));
        if (!prefix.isEmpty()) {
            route(router, HttpMethod.GET, prefix + "/", "ping", (ctx, q) -> Reply.ok(SimJson.object()));
        }
        ops.register((method, path, op, handler) -> route(router, method, prefix + "/tx/v1" + path, op, handler));
        sim(router, HttpMethod.PUT, prefix + "/sim/faults", (ctx, q) -> {
            faults.put(SimJson.parse(bodyText(ctx, true), "request body"));
            return Reply.ok(faults.list());
        });
        sim(router, HttpMethod.GET, prefix + "/sim/faults", (ctx, q) -> Reply.ok(faults.list()));
        sim(router, HttpMethod.DELETE, prefix + "/sim/faults", (ctx, q) -> {
            faults.clear(q.text("operation"));
            return Reply.ok(faults.list());
        });
        sim(router, HttpMethod.GET, prefix + "/sim/stats", (ctx, q) -> Reply.ok(SimJson.object()
                .put("internalErrors", internalErrors.get()).put("transactions", state.trans.size())));
        sim(router, HttpMethod.GET, prefix + "/sim/notifications", (ctx, q) -> Reply.ok(ops.notifications()));
        sim(router, HttpMethod.POST, prefix + "/sim/withdrawal",
                (ctx, q) -> ops.withdrawal(SimJson.body(bodyText(ctx, true), true)));
        if (!prefix.isEmpty()) {
            router.route(prefix + "/*").order(ORDER + 3)
                    .handler(ctx -> send(ctx, Reply.error(404, "NOT_FOUND", "no such TX operation")));
        }
        LOG.infof("TX simulator mounted at %s%s", prefix.isEmpty() ? "/" : prefix,
                gateway.txsimStandalone() ? " (standalone)" : "");
    }

    void shutdown(@Observes ShutdownEvent event) {
        if (stateFile != null) {
            stateFile.shutdown();
        }
    }

    private void route(Router router, HttpMethod method, String path, String op, Handler handler) {
        router.route(method, path).order(ORDER + 2)
                .handler(ctx -> faults.before(ctx, op))
                .blockingHandler(ctx -> execute(ctx, validated(op, handler)), false)
                .failureHandler(this::failure);
    }

    /**
     * The operation's request checked against its description in {@code tx-schemas} before the handler reads it
     * (types, formats, enumerations, required fields: 400 naming the field), so that no handler is more lenient
     * than the spec's field tables. Operations without a description go straight to their handler.
     */
    private static Handler validated(String op, Handler handler) {
        return (ctx, q) -> {
            String text = bodyText(ctx, false);
            java.util.Map<String, List<String>> query = new java.util.LinkedHashMap<>();
            ctx.queryParams().names().forEach(name -> query.put(name, ctx.queryParams().getAll(name)));
            TxSchemas.get().check(op, query,
                    text == null || text.isBlank() ? null : SimJson.parse(text, "request body"));
            return handler.handle(ctx, q);
        };
    }

    private void sim(Router router, HttpMethod method, String path, Handler handler) {
        router.route(method, path).order(ORDER + 2).blockingHandler(ctx -> execute(ctx, handler), false)
                .failureHandler(this::failure);
    }

    private void execute(RoutingContext ctx, Handler handler) {
        Reply reply;
        try {
            reply = handler.handle(ctx, new QueryParams(ctx.queryParams()));
        } catch (TxSimException e) {
            reply = Reply.error(e.status(), e.code(), e.getMessage());
        }
        send(ctx, reply);
    }

    static String bodyText(RoutingContext ctx, boolean required) {
        String text = ctx.body() == null ? null : ctx.body().asString(StandardCharsets.UTF_8.name());
        if (required && (text == null || text.isBlank())) {
            throw TxSimException.badRequest("request body is required");
        }
        return text;
    }

    static void send(RoutingContext ctx, Reply reply) {
        if (Boolean.TRUE.equals(ctx.get(Faults.DROP_KEY))) {
            // the outcome-unknown case: applied, but the caller never hears about it
            Faults.close(ctx);
            return;
        }
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json");
        if (reply.replayed()) {
            ctx.response().putHeader("X-TX-Match", "replayed");
        }
        try {
            ctx.response().end(SimJson.MAPPER.writeValueAsString(reply.body()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("answer not serialisable", e);
        }
    }

    private void authenticate(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                byte[] given = Base64.getDecoder().decode(header.substring(6).trim());
                byte[] expected = (config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8);
                if (MessageDigest.isEqual(given, expected)) {
                    ctx.next();
                    return;
                }
            } catch (IllegalArgumentException e) {
                // not base64: unauthorized like any wrong credential
            }
        }
        ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"TX\"");
        send(ctx, Reply.error(401, "UNAUTHORIZED", "Basic authentication required"));
    }

    private void failure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof TxSimException e) {
            send(ctx, Reply.error(e.status(), e.code(), e.getMessage()));
            return;
        }
        if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            // e.g. the body handler's 413
            send(ctx, Reply.error(ctx.statusCode(), "BAD_REQUEST", "request rejected"));
            return;
        }
        internalErrors.incrementAndGet();
        // log the error type and place, never the request (it may carry card data)
        LOG.errorf(failure, "TX simulator internal error on %s %s", ctx.request().method(), ctx.request().path());
        send(ctx, Reply.error(500, "INTERNAL_ERROR", "internal error"));
    }

    /** For tests that assert that bad inputs never reach the catch-all. */
    long internalErrors() {
        return internalErrors.get();
    }

    static JsonNode json(RoutingContext ctx) {
        return SimJson.parse(bodyText(ctx, true), "request body");
    }
}
