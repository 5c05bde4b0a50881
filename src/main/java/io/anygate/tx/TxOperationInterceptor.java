package io.anygate.tx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.apiimpl.LazyGuard;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Runs every TX operation inside its fault-tolerance guard and around it records {@code tx.client.latency} (timer,
 * tag {@code operation}) and {@code tx.client.outcomes} (counter, tags {@code operation} and {@code outcome}), so
 * that the metrics see one logical call, all retries included; translates the fault-tolerance refusals into
 * {@link TxException}s.
 *
 * <p>The guard is the {@link TxGuards} bean identified by the operation's method key, {@code <class>/<method>}, and
 * it is called here rather than applied with SmallRye's {@code @ApplyGuard}: in SmallRye Fault Tolerance 6.10.0
 * (Quarkus 3.34.1) a guard applied by {@code @ApplyGuard} keeps one metrics collector per call for the life of the
 * process (smallrye-fault-tolerance#1325, fixed in 6.10.2, which this platform does not ship). Under the benchmark
 * those filled the pod's heap within minutes: 215,000 collectors, then back-to-back full collections. Called here,
 * the guard's metrics carry its own description, the same {@code method} tag. Remove this when the platform ships a
 * SmallRye Fault Tolerance with the fix, and go back to {@code @ApplyGuard}.
 */
@TxOperation
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class TxOperationInterceptor {

    /** The type of an asynchronous operation, as the guard must be told it (it then completes the stage). */
    private static final TypeLiteral<CompletionStage<Object>> ASYNC = new TypeLiteral<>() { };

    @Inject
    MeterRegistry registry;

    @Inject
    @Any
    Instance<Guard> guards;

    private final Map<Method, Guard> byMethod = new ConcurrentHashMap<>();

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        TxOperation op = ctx.getMethod().getAnnotation(TxOperation.class);
        String operation = op == null || op.value().isEmpty() ? ctx.getMethod().getName() : op.value();
        Timer.Sample sample = Timer.start(registry);
        Object result;
        try {
            result = guarded(ctx);
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

    @SuppressWarnings("unchecked")
    private Object guarded(InvocationContext ctx) throws Exception {
        Method method = ctx.getMethod();
        Guard guard = byMethod.computeIfAbsent(method, this::guardOf);
        if (CompletionStage.class.isAssignableFrom(method.getReturnType())) {
            return guard.call(() -> (CompletionStage<Object>) ctx.proceed(), ASYNC);
        }
        return guard.call(ctx::proceed, Object.class);
    }

    /** The guard of an operation: identified by its method key; a TX operation without one is a build defect. */
    private Guard guardOf(Method method) {
        String key = methodKey(method);
        Instance<Guard> guard = guards.select(Identifier.Literal.of(key));
        if (!guard.isResolvable()) {
            throw new IllegalStateException("TX operation " + key + " has no guard in TxGuards");
        }
        // A guard reads its configuration (the global keys and its own override keys) when it is first used, under
        // the identifier it is first used with; Guard.call would give it none. LazyGuard.instance is what
        // @ApplyGuard calls for that, without adding the per-call metrics name that leaks.
        if (!(guard.get() instanceof LazyGuard lazy)) {
            throw new IllegalStateException("SmallRye Fault Tolerance no longer builds a LazyGuard for " + key
                    + ": its configuration would not be read; see TxOperationInterceptor");
        }
        return lazy.instance(key);
    }

    /** {@code <class>/<method>}: the guard's identifier and the prefix of its per-operation override keys. */
    static String methodKey(Method method) {
        return method.getDeclaringClass().getName() + "/" + method.getName();
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
