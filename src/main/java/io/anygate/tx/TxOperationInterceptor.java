package io.anygate.tx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Wraps every TX operation outside SmallRye Fault Tolerance (whose interceptor has priority
 * {@code PLATFORM_AFTER + 10}): it sees one logical call, all retries included. Records
 * {@code tx.client.latency} (timer, tag {@code operation}) and {@code tx.client.outcomes} (counter, tags
 * {@code operation} and {@code outcome}), and translates the fault-tolerance exceptions.
 */
@TxOperation
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class TxOperationInterceptor {

    @Inject
    MeterRegistry registry;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        TxOperation op = ctx.getMethod().getAnnotation(TxOperation.class);
        String operation = op == null || op.value().isEmpty() ? ctx.getMethod().getName() : op.value();
        Timer.Sample sample = Timer.start(registry);
        Object result;
        try {
            result = ctx.proceed();
        } catch (Exception e) {
            RuntimeException translated = translate(operation, e);
            record(operation, sample, outcome(translated));
            throw translated == e ? e : translated;
        }
        if (!(result instanceof CompletionStage<?> stage)) {
            record(operation, sample, "approved");
            return result;
        }
        // an asynchronous operation: its outcome is known when the stage completes (all retries included)
        CompletableFuture<Object> out = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                record(operation, sample, "approved");
                out.complete(value);
            } else {
                Throwable cause = TxWire.unwrap(failure);
                Throwable translated = cause instanceof Exception e ? translate(operation, e) : cause;
                record(operation, sample, outcome(translated));
                out.completeExceptionally(translated);
            }
        });
        return out;
    }

    private static RuntimeException translate(String operation, Exception e) {
        if (e instanceof TxException tx) {
            return tx;
        }
        if (e instanceof TimeoutException) {
            return new TxTimeoutException("TX: " + operation + " timed out", e);
        }
        if (e instanceof CircuitBreakerOpenException) {
            return new TxUnavailableException("TX: " + operation + " circuit breaker open", e);
        }
        if (e instanceof BulkheadException) {
            return new TxUnavailableException("TX: " + operation + " too many concurrent calls", e);
        }
        return e instanceof RuntimeException r ? r : new TxUnavailableException("TX: " + operation + " failed", e);
    }

    private static String outcome(Throwable t) {
        return t instanceof TxException tx ? tx.outcome() : "error";
    }

    private void record(String operation, Timer.Sample sample, String outcome) {
        sample.stop(Timer.builder("tx.client.latency").description("TX operation latency, retries included")
                .tag("operation", operation).register(registry));
        Counter.builder("tx.client.outcomes").description("TX operations by outcome")
                .tag("operation", operation).tag("outcome", outcome).register(registry).increment();
    }
}
