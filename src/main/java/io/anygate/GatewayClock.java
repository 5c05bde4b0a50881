package io.anygate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock of the gateway, so tests can reason about time windows (limits, leases, token expiry). */
@ApplicationScoped
public class GatewayClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
