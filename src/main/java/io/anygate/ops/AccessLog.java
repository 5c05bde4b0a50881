package io.anygate.ops;

import io.anygate.RequestTrace;
import io.quarkus.arc.ClientProxy;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes one {@link AccessLine} per request in category {@code io.anygate.access}, health and metrics scrapes
 * excepted. A Vert.x route handler sees every request (REST resources, the simulator, plain routes) and logs
 * when the response has ended, or when the caller closed the connection before it ended: that line has status
 * {@link #CLIENT_CLOSED_REQUEST} and what was known when the caller left. A REST request filter hands the route
 * handler the request's {@link RequestTrace} and route template as soon as the resource is matched, because the
 * request context is gone when the line is written, and a caller may leave while the resource still runs; a
 * response filter does it for the requests no request filter saw (unmatched, refused before matching).
 */
@ApplicationScoped
public class AccessLog {

    /** Logger category of the access lines. */
    public static final String CATEGORY = "io.anygate.access";
    /**
     * The status logged for a request whose caller closed the connection before its response ended (nginx's
     * "client closed request"): no status was sent, whatever the request did or would have answered.
     */
    public static final int CLIENT_CLOSED_REQUEST = 499;
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
                // called once: when the response has ended, or failed when the connection closed first
                ctx.addEndHandler(done -> write(ctx, started, done.failed()));
            }
            ctx.next();
        });
    }

    /**
     * Keeps the trace and the matched resource's route template of a REST request for the end handler, once the
     * resource is matched and before authentication runs: a caller that leaves while the request is authenticated
     * or runs is logged with them. Two map puts; the template is computed once per resource method.
     */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void keepTraceEarly(ResourceInfo resource) {
        RoutingContext ctx = currentRequest.getCurrent();
        if (ctx != null) {
            keep(ctx, resource);
        }
    }

    /** The same for a REST request whose request filters did not run (unmatched, or refused before matching). */
    @ServerResponseFilter
    public void keepTrace(ResourceInfo resource) {
        RoutingContext ctx = currentRequest.getCurrent();
        if (ctx != null && ctx.get(TRACE_KEY) == null) {
            keep(ctx, resource);
        }
    }

    private void keep(RoutingContext ctx, ResourceInfo resource) {
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

    private static void write(RoutingContext ctx, long started, boolean failed) {
        RequestTrace t = ctx.get(TRACE_KEY);
        // a response that had ended was sent with its status, even if the connection closed while it was flushed
        int status = failed && !ctx.response().ended() ? CLIENT_CLOSED_REQUEST : ctx.response().getStatusCode();
        AccessLine line = new AccessLine(ctx.request().method().name(), route(ctx, t), status,
                (System.nanoTime() - started) / 1_000_000,
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
