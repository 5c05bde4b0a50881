package io.anygate.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a {@code @QuarkusTest} against the embedded simulator that injects faults: after each test, no fault rule is
 * left in the simulator and every circuit breaker is closed, so that the next test (of this class or another)
 * starts from a TX that answers.
 */
public final class SimulatorFaultsCleared implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        clear();
    }

    /** The same in the middle of a test: TX answers again from now on. */
    public static void clear() {
        CardFixture.sim().delete("/sim/faults").then().statusCode(200);
        Breakers.closeAll();
    }
}
