package io.anygate.store;

import java.time.Instant;

/** A deliberate system-time read for {@code LayeringFixturesTest}: the store must take the injected Clock. */
class LayeringFixtureStoreReadsSystemTime {

    Instant wrong() {
        return Instant.now();
    }
}
