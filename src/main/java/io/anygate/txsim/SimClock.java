package io.anygate.txsim;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The simulated TX's own clock. TX keeps its own time, which the gateway does not set: a test that moves the
 * gateway's injected {@link Clock} must not move TX's registration times with it (the 408 rule compares the two), so
 * the simulator reads the system's UTC time here and nowhere else.
 */
final class SimClock {

    private static final Clock UTC = Clock.systemUTC();

    private SimClock() {
    }

    /** Milliseconds since the epoch. */
    static long millis() {
        return UTC.millis();
    }

    /** Today in UTC, as TX's card dates are kept. */
    static LocalDate today() {
        return LocalDate.now(UTC);
    }

    /** Now in UTC, in whole seconds: the precision of TX's registration and contract times. */
    static LocalDateTime seconds() {
        return LocalDateTime.now(UTC).truncatedTo(ChronoUnit.SECONDS);
    }
}
