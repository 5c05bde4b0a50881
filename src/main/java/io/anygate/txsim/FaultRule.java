package io.anygate.txsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One fault injection rule for an operation (or {@code *}). Shares are deterministic: with rate r, call n of the
 * rule gets the fault when floor(n*r) > floor((n-1)*r), so 1.0 is every call, 0.5 every second call, 0 never.
 * {@code count} limits the rule to the next N calls.
 */
final class FaultRule {

    enum Action { NONE, ERROR, TIMEOUT, DROP_AFTER_COMMIT }

    final String operation;
    final long latencyMs;
    final double errorRate;
    final int errorStatus;
    final double timeoutRate;
    final double dropAfterCommitRate;
    final Integer count;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicInteger remaining;

    private FaultRule(String operation, long latencyMs, double errorRate, int errorStatus, double timeoutRate,
            double dropAfterCommitRate, Integer count) {
        this.operation = operation;
        this.latencyMs = latencyMs;
        this.errorRate = errorRate;
        this.errorStatus = errorStatus;
        this.timeoutRate = timeoutRate;
        this.dropAfterCommitRate = dropAfterCommitRate;
        this.count = count;
        this.remaining = new AtomicInteger(count == null ? Integer.MAX_VALUE : count);
    }

    static FaultRule parse(JsonNode n) {
        if (!n.isObject()) {
            throw TxSimException.badRequest("a fault rule must be an object");
        }
        String op = SimJson.optText(n, "operation", "operation");
        if (op == null || !(op.equals("*") || TxSimOperations.ALL.contains(op))) {
            throw TxSimException.badRequest("operation must be * or one of " + TxSimOperations.ALL);
        }
        Long latency = Ref.id(n.get("latencyMs"), "latencyMs");
        if (latency != null && (latency < 0 || latency > 600_000)) {
            throw TxSimException.badRequest("latencyMs must be between 0 and 600000");
        }
        Long status = Ref.id(n.get("errorStatus"), "errorStatus");
        if (status != null && (status < 500 || status > 599)) {
            throw TxSimException.badRequest("errorStatus must be a 5xx status");
        }
        Long count = Ref.id(n.get("count"), "count");
        if (count != null && (count < 1 || count > Integer.MAX_VALUE)) {
            throw TxSimException.badRequest("count must be >= 1");
        }
        return new FaultRule(op, latency == null ? 0 : latency, rate(n, "errorRate"), status == null ? 503 : status.intValue(),
                rate(n, "timeoutRate"), rate(n, "dropAfterCommitRate"), count == null ? null : count.intValue());
    }

    private static double rate(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isNumber() || v.doubleValue() < 0 || v.doubleValue() > 1) {
            throw TxSimException.badRequest(name + " must be a number between 0 and 1");
        }
        return v.doubleValue();
    }

    /** Counts a call; null when the rule is used up (then the call is not faulted at all). */
    Action next() {
        if (remaining.getAndDecrement() <= 0) {
            return null;
        }
        long call = calls.incrementAndGet();
        if (hits(call, errorRate)) {
            return Action.ERROR;
        }
        if (hits(call, timeoutRate)) {
            return Action.TIMEOUT;
        }
        if (hits(call, dropAfterCommitRate)) {
            return Action.DROP_AFTER_COMMIT;
        }
        return Action.NONE;
    }

    private static boolean hits(long call, double rate) {
        return Math.floor(call * rate) > Math.floor((call - 1) * rate);
    }

    ObjectNode toJson() {
        ObjectNode out = SimJson.object().put("operation", operation).put("latencyMs", latencyMs)
                .put("errorRate", errorRate).put("errorStatus", errorStatus).put("timeoutRate", timeoutRate)
                .put("dropAfterCommitRate", dropAfterCommitRate).put("calls", calls.get());
        if (count != null) {
            out.put("count", count).put("remaining", Math.max(0, remaining.get()));
        }
        return out;
    }
}
