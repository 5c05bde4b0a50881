package io.anygate.tx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
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
        String outcome = "approved";
        try {
            return ctx.proceed();
        } catch (TxException e) {
            outcome = e.outcome();
            throw e;
        } catch (TimeoutException e) {
            outcome = "timeout";
            throw new TxTimeoutException("TX: " + operation + " timed out", e);
        } catch (CircuitBreakerOpenException e) {
            outcome = "unavailable";
            throw new TxUnavailableException("TX: " + operation + " circuit breaker open", e);
        } catch (BulkheadException e) {
            outcome = "unavailable";
            throw new TxUnavailableException("TX: " + operation + " too many concurrent calls", e);
        } finally {
            sample.stop(Timer.builder("tx.client.latency").description("TX operation latency, retries included")
                    .tag("operation", operation).register(registry));
            Counter.builder("tx.client.outcomes").description("TX operations by outcome")
                    .tag("operation", operation).tag("outcome", outcome).register(registry).increment();
        }
    }
}
