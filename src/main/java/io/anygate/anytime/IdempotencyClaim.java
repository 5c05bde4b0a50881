package io.anygate.anytime;

/** What claiming an Idempotency-Key gave: the right to run the request, or why not. */
public sealed interface IdempotencyClaim {

    /** This request owns the key: run it, then {@code complete} or {@code release} with this token. */
    record Claimed(String token) implements IdempotencyClaim {
    }

    /** The key already has an answer for the same parameters: replay it. */
    record Replay(IdempotentAnswer answer) implements IdempotencyClaim {
    }

    /** The key was used with other parameters. */
    record Mismatch() implements IdempotencyClaim {
    }

    /** Another request with this key is still running. */
    record InFlight() implements IdempotencyClaim {
    }
}
