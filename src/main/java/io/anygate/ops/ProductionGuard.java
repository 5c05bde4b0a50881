package io.anygate.ops;

import io.anygate.GatewayConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Refuses a production start that would quietly run on sandbox defaults. Runs before any other start-up
 * observer; the exception message lists every missing item at once so that one failed rollout tells the
 * operator everything to fix. (An unreachable PostgreSQL fails even earlier, in the Flyway migration.)
 */
@ApplicationScoped
public class ProductionGuard {

    private static final Logger LOG = Logger.getLogger(ProductionGuard.class);

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, GatewayConfig gateway) {
        if (gateway.mode() != GatewayConfig.Mode.PRODUCTION) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        List<String> problems = new ProductionReadiness(key -> lookup(config, key), ProductionGuard::readable)
                .problems();
        if (!problems.isEmpty()) {
            String message = refusal(problems);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
        LOG.info("Production configuration complete: TX, PostgreSQL and partners file present, simulator off");
    }

    /** The one message an operator reads when the start is refused. */
    static String refusal(List<String> problems) {
        StringBuilder out = new StringBuilder("Production start refused, ")
                .append(problems.size()).append(problems.size() == 1 ? " item" : " items")
                .append(" to fix (see docs/operations.md):");
        problems.forEach(p -> out.append("\n  - ").append(p));
        return out.toString();
    }

    private static Optional<String> lookup(Config config, String key) {
        try {
            return config.getOptionalValue(key, String.class);
        } catch (NoSuchElementException | IllegalArgumentException e) {
            // An expression such as ${GATEWAY_DB_URL} whose variable is unset: the same as missing.
            return Optional.empty();
        }
    }

    private static boolean readable(String file) {
        Path path = Path.of(file);
        return Files.isRegularFile(path) && Files.isReadable(path);
    }
}
