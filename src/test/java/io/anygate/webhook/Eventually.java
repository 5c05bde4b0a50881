package io.anygate.webhook;

import java.util.function.BooleanSupplier;

/** Waits (boundedly) for the background dispatcher; the assertion that follows says what was expected. */
final class Eventually {

    private Eventually() {
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(100);
        }
    }
}
