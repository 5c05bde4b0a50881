package io.anygate.anytime;

import io.anygate.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which paths speak Anytime (envelope, Anytime error codes): everything but operations ({@code /q/},
 * {@code /admin/}, {@code /ops/}), the sandbox's own pages ({@code /sandbox/}), the card-details page the final
 * customer's browser opens ({@code /card-details/}), the embedded TX simulator and {@code /.well-known/}. Nothing
 * does when the simulator runs standalone.
 */
@ApplicationScoped
public class AnytimeSurface {

    @Inject
    GatewayConfig gateway;

    public boolean covers(String rawPath) {
        if (gateway.txsimStandalone()) {
            return false;
        }
        String path = normalize(rawPath);
        String txsim = normalize(gateway.txsimBasePath());
        return !(path.startsWith("/q/") || path.equals("/q") || path.startsWith("/.well-known/")
                || path.startsWith("/admin/") || path.startsWith("/sandbox/") || path.startsWith("/ops/")
                || path.startsWith("/card-details/")
                || (!txsim.equals("/") && (path.equals(txsim) || path.startsWith(txsim + "/"))));
    }

    static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.startsWith("/") ? path : "/" + path;
    }
}
