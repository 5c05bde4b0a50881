package io.anygate.anytime;

import io.anygate.domain.kyc.KycConfig;
import io.anygate.security.GatewaySigner;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The edge's first route, before Quarkus' body-size handler and any application route:
 * <ul>
 * <li>refuses a request over a size limit in the Anytime envelope, signed like every answer: request target over
 * {@code gateway.edge.max-url-length} 414 4140010, headers over {@code gateway.edge.max-header-size} 431 4310010,
 * a declared body over {@code gateway.edge.max-body-size} 413 4130010 (the connection is then closed, the
 * body is never read). The KYC upload ({@code POST /v1.0/accounts/{id}/kyc}, multipart files) is the one route
 * allowed more, {@code gateway.kyc.max-request-size}; {@code quarkus.http.limits.max-body-size}, the limit
 * RESTEasy reads bodies to, must allow it (start-up fails otherwise). A body sent without {@code Content-Length}
 * is counted while RESTEasy reads it, against {@code quarkus.http.limits.max-body-size}; on the KYC upload the
 * resource also adds up its files against {@code gateway.kyc.max-request-size}, and on every other route a
 * multipart body without {@code Content-Length} is refused here (its file parts would otherwise be read up to the
 * larger limit), while a form is cut by the form parser's limits (1000 fields, 2 KB a value). Outside the
 * Anytime surface the same limits answer a bare status.</li>
 * <li>refuses a request target java.net.URI cannot read (RESTEasy would fail on it in every filter): the route's
 * invalid-parameter code.</li>
 * <li>answers in the envelope what Vert.x Web refuses with a bare status before any resource runs (a path or query
 * it cannot decode): the route's invalid-parameter code ({@link RouteErrors}), 404 4040010, 405 4050010.</li>
 * <li>labels the request's HTTP metrics ({@code uri} tag) with its route template, or {@value #UNMATCHED} when no
 * route took it (unknown path, refused before routing): never the raw path, which holds ids and whatever a caller
 * chose, and would fill Micrometer's limit of distinct {@code uri} values.</li>
 * </ul>
 */
@ApplicationScoped
public class EdgeLimits {

    /** The {@code uri} label of every request no route took. */
    public static final String UNMATCHED = "unmatched";
    /** Where Quarkus' HTTP metrics read a request's route template (a local of the request's Vert.x context). */
    static final String TEMPLATE_LOCAL = "UrlPathTemplate";
    private static final String TEMPLATE_KEY = "io.anygate.anytime.route-template";
    /** Right after the access log's route (-100), before Quarkus' body-size handler (-2). */
    private static final int ORDER = -99;
    private static final Map<Method, String> TEMPLATES = new ConcurrentHashMap<>();
    /**
     * How much more than its route's body limit a refused body is read (and dropped) before the connection is
     * closed under the caller: a caller a little over the limit (a KYC photo too many) still reads its answer.
     */
    private static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    @Inject
    EdgeLimitsConfig config;
    @Inject
    AnytimeSurface surface;
    @Inject
    Envelopes envelopes;
    @Inject
    GatewaySigner signer;
    @Inject
    AuthFailureMetrics metrics;
    @Inject
    CurrentVertxRequest currentRequest;
    @Inject
    KycConfig kyc;

    /** The one route whose body may be larger than gateway.edge.max-body-size: the KYC upload. */
    private static final Pattern KYC_UPLOAD = Pattern.compile("/v1\\.0/accounts/[^/]+/kyc/?");

    private long maxBody;
    private long maxKycBody;

    void register(@Observes Router router) {
        Config quarkus = ConfigProvider.getConfig();
        long codecMax = quarkus.getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        maxKycBody = kyc.maxRequestSize();
        if (maxKycBody > codecMax) {
            throw new IllegalStateException("gateway.kyc.max-request-size (" + maxKycBody + " bytes) is above"
                    + " quarkus.http.limits.max-body-size (" + codecMax + " bytes): raise the latter");
        }
        maxBody = Math.min(config.maxBodySize().asLongValue(), codecMax);
        int maxUrl = config.maxUrlLength();
        long maxHeaders = config.maxHeaderSize().asLongValue();
        router.route().order(ORDER).handler(ctx -> {
            setTemplate(ctx, UNMATCHED);
            ctx.addHeadersEndHandler(v -> label(ctx));
            AnytimeError refusal = null;
            if (ctx.request().uri().length() > maxUrl) {
                refusal = AnytimeError.URI_TOO_LONG;
            } else if (headerSize(ctx.request().headers()) > maxHeaders) {
                refusal = AnytimeError.HEADERS_TOO_LARGE;
            } else if (declaredLength(ctx) > bodyLimit(ctx)) {
                refusal = AnytimeError.REQUEST_TOO_LARGE;
            } else if (!kycUpload(ctx) && undeclaredMultipart(ctx)) {
                // its file parts would be read up to the KYC upload's limit: only the KYC upload takes files
                refusal = AnytimeError.REQUEST_TOO_LARGE;
            }
            if (refusal != null) {
                refuse(ctx, refusal);
            } else if (!parsable(ctx.request().uri()) && surface.covers(ctx.request().path())) {
                // RESTEasy reads the request URI with java.net.URI: a target it refuses (a malformed escape, a
                // character that must be escaped) would fail there and in every filter asking for the path
                AnytimeError error = RouteErrors.invalidParameter(ctx.request().path());
                metrics.answered(error);
                answer(ctx, error, "Malformed request URL", false);
            } else {
                ctx.next();
            }
        });
        // Vert.x Web refusing a request it cannot route (a malformed escape in the path or query, characters it
        // will not decode) fails the routing context with a bare status; on the Anytime surface it becomes the
        // envelope. Exceptions (a fault of ours) are left to the exception mappers' and Quarkus' handling.
        router.route().order(ORDER).failureHandler(ctx -> {
            int status = ctx.statusCode();
            if (ctx.failure() != null || status < 400 || status >= 500 || ctx.response().headWritten()
                    || !surface.covers(ctx.request().path())) {
                ctx.next();
                return;
            }
            AnytimeError error = switch (status) {
                case 404 -> AnytimeError.INVALID_ROUTE;
                case 405 -> AnytimeError.METHOD_NOT_ALLOWED;
                case 413 -> AnytimeError.REQUEST_TOO_LARGE;
                case 414 -> AnytimeError.URI_TOO_LONG;
                case 431 -> AnytimeError.HEADERS_TOO_LARGE;
                default -> RouteErrors.invalidParameter(ctx.request().path());
            };
            metrics.answered(error);
            answer(ctx, error, status == 413 ? bodyTooLarge(ctx) : "Malformed request", status == 413);
        });
    }

    /**
     * Keeps the matched resource's route template for the metrics label: Quarkus sets it only once the request
     * reached the resource, so a request refused while its form was read (too many fields) would otherwise be
     * labelled with its raw path. The catch-all {@link InvalidRouteResource} is {@value #UNMATCHED}.
     */
    @ServerResponseFilter
    public void keepTemplate(ResourceInfo resource) {
        RoutingContext ctx = currentRequest.getCurrent();
        if (ctx == null || resource == null || resource.getResourceMethod() == null
                || resource.getResourceClass() == null) {
            return;
        }
        ctx.put(TEMPLATE_KEY, resource.getResourceClass() == InvalidRouteResource.class ? UNMATCHED
                : TEMPLATES.computeIfAbsent(resource.getResourceMethod(), m -> EdgeRequestFilter.route(
                        resource.getResourceClass(), m, "").template()));
    }

    private static void label(RoutingContext ctx) {
        String template = ctx.get(TEMPLATE_KEY);
        if (template == null) {
            Route route = ctx.currentRoute();
            String path = route == null ? null : route.getPath();
            // a plain Vert.x route (operations, simulator): its declared path, parameters as {name}
            template = path == null || path.equals("/") ? UNMATCHED : path.replaceAll(":(\\w+)", "{$1}");
        }
        setTemplate(ctx, template);
    }

    private static void setTemplate(RoutingContext ctx, String template) {
        if (ctx.request() instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(TEMPLATE_LOCAL, template);
        }
    }

    private void refuse(RoutingContext ctx, AnytimeError error) {
        metrics.answered(error);
        if (!surface.covers(ctx.request().path())) {
            close(ctx);
            ctx.response().setStatusCode(error.httpStatus()).end();
            return;
        }
        String message = switch (error) {
            case URI_TOO_LONG -> "Request URL longer than " + config.maxUrlLength() + " characters";
            case HEADERS_TOO_LARGE -> "Request headers larger than " + config.maxHeaderSize().asLongValue() + " bytes";
            default -> bodyTooLarge(ctx);
        };
        answer(ctx, error, message, true);
    }

    /**
     * The answer says {@code Connection: close}, and the connection is closed once the rest of the request has
     * arrived (read and dropped) or the route's body limit and {@value #DRAIN_LIMIT} bytes more were dropped:
     * closing while the caller still sends would reset the connection, and most clients then lose the answer they
     * were sent.
     */
    private void close(RoutingContext ctx) {
        long drain = bodyLimit(ctx) + DRAIN_LIMIT;
        io.vertx.core.http.HttpServerRequest request = ctx.request();
        // the caller must not send another request on this connection: without the header it would keep it for
        // its next request, which then meets the closed connection (a POST is not retried, the caller gets no answer)
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        if (request.isEnded()) {
            return;
        }
        boolean[] ended = {false, false}; // the answer, the request
        Runnable closeWhenBoth = () -> {
            if (ended[0] && ended[1]) {
                request.connection().close();
            }
        };
        ctx.response().endHandler(v -> {
            ended[0] = true;
            closeWhenBoth.run();
        });
        long[] dropped = {0};
        request.handler(data -> {
            dropped[0] += data.length();
            if (dropped[0] > drain) {
                request.connection().close();
            }
        });
        request.endHandler(v -> {
            ended[1] = true;
            closeWhenBoth.run();
        });
        request.exceptionHandler(e -> request.connection().close());
        request.resume();
    }

    /** The signed envelope of an error, unauthenticated (empty username in the hash). */
    private void answer(RoutingContext ctx, AnytimeError error, String message, boolean closeConnection) {
        if (closeConnection) {
            close(ctx);
        }
        // the request_id may come from the store: off the event loop
        ctx.vertx().executeBlocking(() -> envelopes.errorBytes(error, message, ""), false).onComplete(done -> {
            if (done.failed()) {
                ctx.response().setStatusCode(error.httpStatus()).end();
                return;
            }
            byte[] bytes = done.result();
            ctx.response().setStatusCode(error.httpStatus())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(GatewaySigner.HEADER, signer.sign(bytes))
                    .end(io.vertx.core.buffer.Buffer.buffer(bytes));
        });
    }

    private long bodyLimit(RoutingContext ctx) {
        return kycUpload(ctx) ? maxKycBody : maxBody;
    }

    private String bodyTooLarge(RoutingContext ctx) {
        return "Request body larger than " + bodyLimit(ctx) + " bytes";
    }

    private static boolean kycUpload(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && KYC_UPLOAD.matcher(ctx.request().path()).matches();
    }

    private static boolean undeclaredMultipart(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null && type != null
                && type.trim().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    static boolean parsable(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> h : headers) {
            size += h.getKey().length() + h.getValue().length() + 4;
        }
        return size;
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return 0; // the codec refuses a malformed Content-Length before any route runs
        }
    }
}
