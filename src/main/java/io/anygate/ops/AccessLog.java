package io.anygate.ops;

import io.quarkus.arc.ClientProxy;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes one {@link AccessLine} per request in category {@code io.anygate.access}, health and metrics scrapes
 * excepted. A Vert.x route handler sees every request (REST resources, the simulator, plain routes) and logs
 * when the response has ended; a REST response filter hands it the request's {@link RequestTrace} first,
 * because the request context is gone by then.
 */
@ApplicationScoped
public class AccessLog {

    /** Logger category of the access lines. */
    public static final String CATEGORY = "io.anygate.access";
    static final String TRACE_KEY = "io.anygate.ops.trace";
    static final String TEMPLATE_KEY = "io.anygate.ops.route-template";
    private static final Logger ACCESS = Logger.getLogger(CATEGORY);
    /** Route templates by resource method: computed once, not by reflection on every request. */
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();
    // After the body and upload-limit handlers are placed, before any application route.
    private static final int ORDER = -100;

    @Inject
    RequestTrace trace;

    @Inject
    CurrentVertxRequest currentRequest;

    void register(@Observes Router router, OpsConfig ops) {
        if (!ops.accessLog()) {
            return;
        }
        router.route().order(ORDER).handler(ctx -> {
            String path = ctx.normalizedPath();
            if (!path.startsWith("/q/health") && !path.startsWith("/q/metrics")) {
                long started = System.nanoTime();
                ctx.addEndHandler(done -> write(ctx, started));
            }
            ctx.next();
        });
    }

    /** Keeps the trace and the matched resource's route template of a REST request for the end handler. */
    @ServerResponseFilter
    public void keepTrace(ResourceInfo resource) {
        RoutingContext ctx = currentRequest.getCurrent();
        if (ctx == null) {
            return;
        }
        ctx.put(TRACE_KEY, ClientProxy.unwrap(trace));
        if (resource != null && resource.getResourceClass() != null && resource.getResourceMethod() != null) {
            ctx.put(TEMPLATE_KEY, TEMPLATES.computeIfAbsent(resource.getResourceMethod(),
                    m -> template(resource.getResourceClass(), m)));
        }
    }

    /** The JAX-RS template of a resource method: its class's {@code @Path} joined with its own. */
    static String template(Class<?> resourceClass, Method method) {
        StringBuilder out = new StringBuilder();
        for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            Path path = c.getAnnotation(Path.class);
            if (path != null) {
                out.append('/').append(path.value());
                break;
            }
        }
        Path own = method.getAnnotation(Path.class);
        if (own != null) {
            out.append('/').append(own.value());
        }
        String joined = out.toString().replaceAll("/{2,}", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        return joined.isEmpty() ? "/" : joined;
    }

    private static void write(RoutingContext ctx, long started) {
        RequestTrace t = ctx.get(TRACE_KEY);
        AccessLine line = new AccessLine(ctx.request().method().name(), route(ctx, t),
                ctx.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000,
                t == null ? null : t.partner(), t == null ? null : t.requestId(), t == null ? 0 : t.txCalls(),
                t == null ? null : t.batch());
        line.fields().forEach(MDC::put);
        try {
            ACCESS.info(line.format());
        } finally {
            line.fields().keySet().forEach(MDC::remove);
        }
    }

    private static String route(RoutingContext ctx, RequestTrace t) {
        if (t != null && t.route() != null) {
            return t.route();
        }
        String template = ctx.get(TEMPLATE_KEY);
        if (template != null) {
            return template;
        }
        Route current = ctx.currentRoute();
        if (current != null && current.getPath() != null) {
            return current.getPath();
        }
        return "unmatched";
    }
}
