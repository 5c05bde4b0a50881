package io.anygate.tx;

import io.anygate.RequestTrace;
import io.anygate.RequestTraces;
import io.quarkus.arc.ClientProxy;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * One HTTP call to TX, as made by a gateway bean: counted on the current request's trace, and failing only with
 * a {@link TxException} (the translation itself is in {@link TxErrors}). Runs once per attempt, so retries are
 * counted too.
 */
final class TxWire {

    private static final String TRACE_KEY = "io.anygate.tx.request-trace";

    private TxWire() {
    }

    static <T> T call(Supplier<T> call) {
        trace().ifPresent(RequestTrace::txCallMade);
        try {
            return call.get();
        } catch (TxException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TxErrors.fromFailure(e);
        }
    }

    /**
     * The same for a call that answers later ({@code CompletionStage} REST client methods): the stage fails only
     * with a {@link TxException}, whether the call failed at once or later.
     */
    static <T> CompletionStage<T> callAsync(Supplier<CompletionStage<T>> call) {
        trace().ifPresent(RequestTrace::txCallMade);
        CompletionStage<T> stage;
        try {
            stage = call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(TxErrors.fromFailure(e));
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                out.complete(value);
            } else {
                out.completeExceptionally(TxErrors.fromFailure(unwrap(failure)));
            }
        });
        return out;
    }

    /**
     * Starts asynchronous TX operations on the current request's event loop when the caller is a worker thread,
     * and answers their result there. Why: SmallRye Fault Tolerance delivers each stage of a non-blocking
     * operation on the Vert.x context it was called from; called from a worker, that is a fresh
     * {@code executeBlocking} hop to another worker to start the call and one more to deliver its answer, before
     * the waiting worker wakes up (about a sixth of the gateway's CPU on a card read). Started
     * on the event loop, the call, its retries and its continuations ({@code thenCompose}: only non-blocking work
     * may go there) stay on that loop, and the waiting worker is woken once. Outside a request (scheduled jobs,
     * tests) the operations start on the caller's thread, as before.
     * <p>
     * They run on a <em>new</em> duplicated context of that loop, not on the request's own: the request's CDI
     * request context lives in its duplicated context's locals, and the context-propagation wrappers around every
     * stage of a guarded call activate, deactivate and restore it there. Run on the request's context from another
     * thread, one of them can find it inactive and leave it so while the worker, already woken, writes the answer
     * (a 500 from a response filter). On a context of their own they share nothing with the worker; the request's
     * {@link RequestTrace} goes along explicitly, so the TX calls are still counted on it.
     */
    static <T> CompletionStage<T> onEventLoop(Supplier<CompletionStage<T>> start) {
        Context context = Vertx.currentContext();
        if (context == null || !Context.isOnWorkerThread()) {
            return start.get();
        }
        Context own = VertxContext.createNewDuplicatedContext(context);
        RequestTraces.current().map(ClientProxy::unwrap).ifPresent(trace -> own.putLocal(TRACE_KEY, trace));
        CompletableFuture<T> out = new CompletableFuture<>();
        own.runOnContext(ignored -> {
            try {
                start.get().whenComplete((value, failure) -> {
                    if (failure == null) {
                        out.complete(value);
                    } else {
                        out.completeExceptionally(unwrap(failure));
                    }
                });
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /** The request's trace: the CDI one on the request's own threads, the carried one on {@link #onEventLoop}'s. */
    private static Optional<RequestTrace> trace() {
        Context context = Vertx.currentContext();
        RequestTrace carried = context == null ? null : context.getLocal(TRACE_KEY);
        return carried != null ? Optional.of(carried) : RequestTraces.current();
    }

    /**
     * Waits for a TX operation started asynchronously and answers its result, or throws what it failed with
     * (a {@link TxException} once through {@link TxOperationInterceptor}), unwrapped.
     */
    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TxUnavailableException("TX: interrupted while waiting for an answer", e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw TxErrors.fromFailure(cause);
        }
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
