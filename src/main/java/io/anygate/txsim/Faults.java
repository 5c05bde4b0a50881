package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault injection rules in force ({@code PUT/GET/DELETE {base}/sim/faults}) and their effect on a call:
 * latency (a timer, never a sleeping event loop), a 5xx answer, a held request (the timeout case, never applied),
 * or "apply, then close the connection without an answer" (the outcome-unknown case).
 */
final class Faults {

    static final String DROP_KEY = "txsim.dropAfterCommit";

    private final Map<String, FaultRule> rules = new ConcurrentHashMap<>();
    private final Set<RoutingContext> held = ConcurrentHashMap.newKeySet();
    private final Vertx vertx;
    private final long holdMs;

    Faults(Vertx vertx, long holdMs) {
        this.vertx = vertx;
        this.holdMs = holdMs;
    }

    void put(JsonNode body) {
        if (body.isArray()) {
            body.forEach(n -> FaultRule.parse(n));
            body.forEach(n -> add(FaultRule.parse(n)));
        } else {
            add(FaultRule.parse(body));
        }
    }

    private void add(FaultRule rule) {
        rules.put(rule.operation, rule);
    }

    /** Clears the rules (all, or one operation's) and releases held requests by closing their connections. */
    void clear(String operation) {
        if (operation == null) {
            rules.clear();
        } else {
            rules.remove(operation);
        }
        for (RoutingContext ctx : held) {
            held.remove(ctx);
            close(ctx);
        }
    }

    ArrayNode list() {
        ArrayNode out = SimJson.MAPPER.createArrayNode();
        rules.values().forEach(r -> out.add(r.toJson()));
        return out;
    }

    /** Route handler in front of an operation: applies the rule in force, then lets the call through (or not). */
    void before(RoutingContext ctx, String operation) {
        FaultRule rule = rules.getOrDefault(operation, rules.get("*"));
        FaultRule.Action action = rule == null ? null : rule.next();
        if (action == null) {
            ctx.next();
            return;
        }
        Runnable go = () -> {
            switch (action) {
                case ERROR -> TxSimRoutes.send(ctx, Reply.error(rule.errorStatus, "SIM_FAULT", "injected failure"));
                case TIMEOUT -> hold(ctx);
                case DROP_AFTER_COMMIT -> {
                    ctx.put(DROP_KEY, Boolean.TRUE);
                    ctx.next();
                }
                default -> ctx.next();
            }
        };
        if (rule.latencyMs > 0) {
            vertx.setTimer(rule.latencyMs, id -> go.run());
        } else {
            go.run();
        }
    }

    private void hold(RoutingContext ctx) {
        held.add(ctx);
        vertx.setTimer(holdMs, id -> {
            if (held.remove(ctx)) {
                close(ctx);
            }
        });
    }

    static void close(RoutingContext ctx) {
        if (!ctx.response().closed()) {
            ctx.request().connection().close();
        }
    }
}
