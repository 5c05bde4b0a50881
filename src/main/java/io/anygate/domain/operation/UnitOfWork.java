package io.anygate.domain.operation;

import java.util.function.Supplier;

/**
 * Several store writes committed together or not at all (port; the store implements it). The journal and the
 * webhook outbox join it: an approval and the webhook it owes are one commit, so no operation is ever APPROVED
 * without its webhook's record, and the approval costs one commit instead of two.
 */
public interface UnitOfWork {

    /**
     * Runs {@code work} on this thread in one store transaction: committed when it returns, rolled back when it
     * throws (the exception is rethrown). Work that starts a unit inside a unit joins the outer one, and an inner
     * unit that throws dooms the outer one. The work must stay on the calling thread, a worker thread (never an
     * event loop), and call nothing slow (no TX call): it holds a store connection throughout and is rolled back
     * past the store's transaction timeout.
     */
    <T> T inOne(Supplier<T> work);
}
