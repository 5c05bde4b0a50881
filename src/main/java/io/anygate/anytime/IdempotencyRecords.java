package io.anygate.anytime;

import java.util.function.BooleanSupplier;

/**
 * The kept Idempotency-Keys and their answers, shared by every replica: the port the Idempotency-Key filter uses,
 * implemented in the store ({@code store.IdempotencyStore}). Times are epoch milliseconds of the injected clock. A
 * store failure is a {@link RuntimeException}.
 */
public interface IdempotencyRecords {

    /**
     * Claims {@code key} for {@code partnerId}, or says why the request must not run; a claim in flight is taken
     * over at once when {@code settled} says the operation it runs has ended already.
     */
    IdempotencyClaim claim(String partnerId, String key, String fingerprint, long now, BooleanSupplier settled);

    /** Keeps {@code answer} for the claim {@code token}; false when the claim was lost meanwhile. */
    boolean complete(String partnerId, String key, String token, IdempotentAnswer answer, long now);

    /** Renews the in-flight lease of the claim {@code token}; false when it was lost. */
    boolean renew(String partnerId, String key, String token, long now);

    /** Gives the key back (no answer kept): a retry runs the request again. */
    void release(String partnerId, String key, String token);
}
