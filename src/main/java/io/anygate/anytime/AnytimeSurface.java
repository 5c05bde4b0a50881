package io.anygate.anytime;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which paths speak Anytime (envelope, Anytime error codes): everything but operations ({@code /q/}), the
 * operators' {@code /admin/} endpoints (plain JSON, own token), the embedded TX simulator and {@code /.well-known/}. Nothing does when the simulator runs standalone.
 */
@ApplicationScoped
public class AnytimeSurface {

    @ConfigProperty(name = "gateway.txsim.base-path", defaultValue = "/txsim")
    String txsimBasePath;
    @ConfigProperty(name = "gateway.txsim.standalone", defaultValue = "false")
    boolean txsimStandalone;

    public boolean covers(String rawPath) {
        if (txsimStandalone) {
            return false;
        }
        String path = normalize(rawPath);
        String txsim = normalize(txsimBasePath);
        return !(path.startsWith("/q/") || path.equals("/q") || path.startsWith("/.well-known/")
                || path.startsWith("/admin/")
                || (!txsim.equals("/") && (path.equals(txsim) || path.startsWith(txsim + "/"))));
    }

    static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.startsWith("/") ? path : "/" + path;
    }
}
