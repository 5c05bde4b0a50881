package io.anygate.testsupport;

import io.quarkus.arc.Arc;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** The running application's circuit breakers. */
final class Breakers {

    private Breakers() {
    }

    /** Closes every breaker: one a test opened would fail the next test's first TX calls. */
    static void closeAll() {
        Arc.container().instance(CircuitBreakerMaintenance.class).get().resetAll();
    }
}
