package io.anygate.ops;

import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code gateway.mode} read straight from the configuration. Operations code does not inject
 * {@link io.anygate.GatewayConfig}: once it is injected, SmallRye validates the whole {@code gateway.*} namespace
 * and any unmapped {@code gateway.} system property (such as the test support's {@code gateway.test.pg-schema})
 * fails the start before the production guard can report anything.
 */
final class GatewayMode {

    private GatewayMode() {
    }

    static boolean production() {
        return "production".equals(mode());
    }

    static boolean sandbox() {
        return "sandbox".equals(mode());
    }

    private static String mode() {
        return ConfigProvider.getConfig().getOptionalValue("gateway.mode", String.class).orElse("sandbox")
                .trim().toLowerCase(Locale.ROOT);
    }
}
