package io.anygate.tx;

import io.anygate.ops.RequestTrace;
import io.anygate.ops.RequestTraces;
import java.util.function.Supplier;

/**
 * One HTTP call to TX, as made by a gateway bean: counted on the current request's trace, and failing only with
 * a {@link TxException} (the translation itself is in {@link TxErrors}). Runs once per attempt, so retries are
 * counted too.
 */
final class TxWire {

    private TxWire() {
    }

    static <T> T call(Supplier<T> call) {
        RequestTraces.current().ifPresent(RequestTrace::txCallMade);
        try {
            return call.get();
        } catch (TxException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TxErrors.fromFailure(e);
        }
    }
}
