package io.anygate.tx;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The circuit breakers of the TX operations, by name: one per guard of {@link TxGuards}. */
@ApplicationScoped
public class TxBreakers {

    private static final List<String> NAMES = TxGuards.breakerNames().stream().sorted().toList();

    @Inject
    CircuitBreakerMaintenance maintenance;

    /** Names of all TX circuit breakers. */
    public List<String> names() {
        return NAMES;
    }

    /** Current state of every TX breaker. */
    public Map<String, CircuitBreakerState> states() {
        Map<String, CircuitBreakerState> states = new LinkedHashMap<>();
        NAMES.forEach(n -> states.put(n, maintenance.currentState(n)));
        return states;
    }

    /** Names of the breakers that are open (failing fast). */
    public List<String> open() {
        List<String> out = new ArrayList<>();
        states().forEach((n, s) -> {
            if (s == CircuitBreakerState.OPEN) {
                out.add(n);
            }
        });
        return out;
    }
}
