package io.anygate.domain.money;

import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationJournal.Totals;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The journal's contract in memory, for domain tests (the JDBC journal has its own tests on H2 and PostgreSQL). */
class InMemoryJournal implements OperationJournal {

    final Map<OperationId, Operation> ops = new ConcurrentHashMap<>();

    /** Who holds an operation's lease, until when. */
    record Lease(String owner, Instant until) {
    }

    final Map<OperationId, Lease> leases = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean record(Operation op) {
        return ops.putIfAbsent(op.id(), op) == null;
    }

    @Override
    public Optional<Operation> find(OperationId id) {
        return Optional.ofNullable(ops.get(id));
    }

    @Override
    public synchronized void attemptStarted(OperationId id, Instant now) {
        Operation o = ops.get(id);
        ops.put(id, copy(o, o.state(), o.txTranId(), o.declineCode(), o.step(), o.data(), o.attempts() + 1, now));
    }

    @Override
    public synchronized void stepDone(OperationId id, String step, Map<String, String> learned, Instant now) {
        Operation o = ops.get(id);
        Map<String, String> data = new HashMap<>(o.data());
        data.putAll(learned);
        ops.put(id, copy(o, o.state(), o.txTranId(), o.declineCode(), step, data, o.attempts(), now));
    }

    @Override
    public synchronized boolean finish(OperationId id, OperationState state, Long tranId, String code, Instant now) {
        Operation o = ops.get(id);
        if (o.state().terminal()) {
            return false;
        }
        ops.put(id, copy(o, state, tranId != null ? tranId : o.txTranId(), code, o.step(), o.data(), o.attempts(), now));
        leases.remove(id);
        return true;
    }

    @Override
    public synchronized void markUnknown(OperationId id, Instant now) {
        Operation o = ops.get(id);
        if (o.state() == OperationState.PENDING) {
            ops.put(id, copy(o, OperationState.UNKNOWN, o.txTranId(), o.declineCode(), o.step(), o.data(),
                    o.attempts(), now));
        }
    }

    @Override
    public synchronized List<Operation> claimUnresolved(String owner, Duration stale, Duration lease, int limit,
            Instant now) {
        List<Operation> list = new ArrayList<>();
        for (Operation o : ops.values()) {
            Lease held = leases.get(o.id());
            boolean free = held == null || held.until().isBefore(now);
            if (free && (o.state() == OperationState.UNKNOWN
                    || (o.state() == OperationState.PENDING && o.updatedAt().isBefore(now.minus(stale))))) {
                leases.put(o.id(), new Lease(owner, now.plus(lease)));
                list.add(o);
            }
        }
        return list;
    }

    @Override
    public synchronized boolean lease(OperationId id, String owner, Instant until, Instant now) {
        Operation o = ops.get(id);
        Lease held = leases.get(id);
        if (o == null || o.state().terminal()
                || (held != null && !held.until().isBefore(now) && !held.owner().equals(owner))) {
            return false;
        }
        leases.put(id, new Lease(owner, until));
        return true;
    }

    @Override
    public synchronized void release(OperationId id, String owner) {
        leases.computeIfPresent(id, (k, held) -> held.owner().equals(owner) ? null : held);
    }

    @Override
    public Map<Instant, Totals> totalsOnCard(long cardId, Collection<OperationKind> kinds, Collection<Instant> since) {
        Map<Instant, Totals> totals = new java.util.HashMap<>();
        for (Instant s : since) {
            List<Operation> ops = counted(cardId, kinds, s);
            totals.put(s, new Totals(ops.stream().map(Operation::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                    ops.size()));
        }
        return totals;
    }

    private List<Operation> counted(long cardId, Collection<OperationKind> kinds, Instant since) {
        return ops.values().stream()
                .filter(o -> o.cardId() != null && o.cardId() == cardId && kinds.contains(o.kind()))
                .filter(o -> !o.createdAt().isBefore(since))
                .filter(o -> o.state() != OperationState.DECLINED && o.state() != OperationState.FAILED)
                .toList();
    }

    @Override
    public Map<OperationState, Long> countUnresolved() {
        Map<OperationState, Long> m = new EnumMap<>(OperationState.class);
        ops.values().stream().filter(o -> !o.state().terminal()).forEach(o -> m.merge(o.state(), 1L, Long::sum));
        return m;
    }

    @Override
    public Optional<Instant> oldestUnresolved() {
        return ops.values().stream().filter(o -> !o.state().terminal()).map(Operation::createdAt).min(Instant::compareTo);
    }

    @Override
    public List<Operation> listUnresolved(int limit) {
        return ops.values().stream().filter(o -> !o.state().terminal()).limit(limit).toList();
    }

    private static Operation copy(Operation o, OperationState state, Long tranId, String code, String step,
            Map<String, String> data, int attempts, Instant now) {
        return new Operation(o.id(), o.partnerId(), o.kind(), state, o.idempotencyKey(), o.requestFingerprint(),
                o.accountId(), o.cardId(), o.amount(), o.currency(), o.comments(), tranId, code, step, data, attempts,
                o.createdAt(), now);
    }
}
