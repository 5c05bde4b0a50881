package io.anygate.anytime;

import io.anygate.RequestTrace;
import io.anygate.security.ClientAddressResolver;
import io.anygate.security.EdgeAuthenticator;
import io.anygate.security.Functionality;
import io.anygate.security.Partner;
import io.anygate.security.SubRequestTickets;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every versioned call ({@code /v1.0/...} resources) before its resource method runs, and records
 * the route template and partner in {@link RequestTrace}. A resource only has to live under {@code /v1.0/}; its
 * functionality name comes from {@link Functionality}, or else from its method and route template. A request
 * carrying {@link SubRequestTickets#HEADER} is a sub-request of a multi-request and is admitted by that ticket alone.
 */
public class EdgeRequestFilter {

    private final Map<Method, Route> routes = new ConcurrentHashMap<>();

    @Inject
    EdgeAuthenticator authenticator;
    @Inject
    ClientAddressResolver addresses;
    @Inject
    RequestTrace trace;
    @Inject
    SubRequestTickets tickets;

    record Route(String template, String functionality) {
    }

    @ServerRequestFilter
    public void authenticate(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null || type == InvalidRouteResource.class) {
            // an unknown route is answered without authentication; a sub-request's access line still names its batch
            subRequestTicket(request, http);
            return;
        }
        Route route = routes.computeIfAbsent(method, m -> route(type, m, request.getMethod()));
        trace.route(route.template());
        if (!route.template().startsWith("/v")) {
            return;
        }
        InetAddress client = addresses.resolve(
                http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                request.getHeaders().get("X-Forwarded-For")).orElseThrow(
                        () -> new AnytimeException(AnytimeError.IP_ADDRESS_NOT_ALLOWED, "Unknown client address"));
        Partner partner;
        if (request.getHeaderString(SubRequestTickets.HEADER) != null) {
            // a sub-request of a multi-request this process sent itself: the ticket names its batch
            partner = authenticator.authenticateSubRequest(subRequestTicket(request, http), client,
                    route.functionality());
        } else {
            partner = authenticator.authenticate(new EdgeAuthenticator.Credentials(
                    request.getHeaderString("Authorization"), request.getHeaderString("X-Validation-Data"),
                    request.getHeaderString("X-Signed-Request")), client, route.functionality());
        }
        trace.partner(partner.username());
    }

    /** Redeems the request's sub-request ticket, if it names an open one for this call, and traces its batch. */
    private SubRequestTickets.Ticket subRequestTicket(ContainerRequestContext request, HttpServerRequest http) {
        String value = request.getHeaderString(SubRequestTickets.HEADER);
        SubRequestTickets.Ticket ticket = value == null ? null
                : tickets.redeem(value, request.getMethod(), http.path()).orElse(null);
        if (ticket != null) {
            trace.subRequestOf(ticket.batchRequestId(), ticket.index());
        }
        return ticket;
    }

    static Route route(Class<?> type, Method method, String httpMethod) {
        String template = join(type.getAnnotation(Path.class), method.getAnnotation(Path.class));
        Functionality named = method.getAnnotation(Functionality.class);
        if (named == null) {
            named = type.getAnnotation(Functionality.class);
        }
        return new Route(template, named != null ? named.value() : httpMethod + " " + template);
    }

    private static String join(Path typePath, Path methodPath) {
        String left = typePath == null ? "" : typePath.value();
        String right = methodPath == null ? "" : methodPath.value();
        String joined = ("/" + left + "/" + right).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
