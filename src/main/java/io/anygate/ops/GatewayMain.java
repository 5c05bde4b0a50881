package io.anygate.ops;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;

/**
 * Starts Quarkus as its own main would, and explains a start that fails for missing settings in one message
 * ({@link StartupAdvice}) instead of the configuration library's raw lines: the packaged jar runs the production
 * profile unless told otherwise, and a newcomer who ran it bare needs to know what production wants and how to run
 * the sandbox. Quarkus prints nothing itself when given an exit handler, so every other failure is logged here.
 */
@QuarkusMain
public class GatewayMain {

    private static final Logger LOG = Logger.getLogger(GatewayMain.class);

    public static void main(String... args) {
        // The card pictures are drawn with Java2D (anytime.cards.CardPictures): never look for a display.
        System.setProperty("java.awt.headless", "true");
        BiConsumer<Integer, Throwable> exit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
        Quarkus.run(null, (code, failure) -> {
            if (failure != null) {
                report(failure);
            }
            exit.accept(code, failure);
        }, args);
    }

    private static void report(Throwable failure) {
        Optional<String> advice = StartupAdvice.forFailure(StartupAdvice.messages(failure),
                Optional.ofNullable(System.getProperty("quarkus.profile"))
                        .or(() -> Optional.ofNullable(System.getenv("QUARKUS_PROFILE"))));
        if (advice.isPresent()) {
            System.err.println(advice.get());
        } else {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            LOG.error("Failed to start application", root);
        }
    }
}
