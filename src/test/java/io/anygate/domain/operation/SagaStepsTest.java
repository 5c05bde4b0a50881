package io.anygate.domain.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SagaStepsTest {

    /** The journal methods a saga uses, in memory. */
    static class Journal implements OperationJournal {
        final Map<OperationId, Operation> ops = new HashMap<>();

        @Override
        public boolean record(Operation op) {
            return ops.putIfAbsent(op.id(), op) == null;
        }

        @Override
        public java.util.Optional<Operation> find(OperationId id) {
            return java.util.Optional.ofNullable(ops.get(id));
        }

        @Override
        public void attemptStarted(OperationId id, Instant now) {
        }

        @Override
        public void stepDone(OperationId id, String step, Map<String, String> learned, Instant now) {
            Operation o = ops.get(id);
            Map<String, String> d = new HashMap<>(o.data());
            d.putAll(learned);
            ops.put(id, new Operation(o.id(), o.partnerId(), o.kind(), o.state(), null, null, null, null, null, null,
                    null, null, null, step, d, 0, o.createdAt(), now));
        }

        @Override
        public boolean finish(OperationId id, OperationState s, Long t, String c, Instant n) {
            return true;
        }

        @Override
        public void markUnknown(OperationId id, Instant now) {
        }

        @Override
        public List<Operation> claimUnresolved(String o, java.time.Duration s, java.time.Duration l, int lim, Instant n) {
            return List.of();
        }

        @Override
        public boolean lease(OperationId id, String owner, Instant until, Instant now) {
            return ops.containsKey(id) && !ops.get(id).state().terminal();
        }

        @Override
        public void release(OperationId id, String owner) {
        }

        @Override
        public Map<Instant, Totals> totalsOnCard(long c, java.util.Collection<OperationKind> k,
                java.util.Collection<Instant> s) {
            return Map.of();
        }

        @Override
        public Map<OperationState, Long> countUnresolved() {
            return Map.of();
        }

        @Override
        public java.util.Optional<Instant> oldestUnresolved() {
            return java.util.Optional.empty();
        }

        @Override
        public List<Operation> listUnresolved(int limit) {
            return List.of();
        }
    }

    @Test
    void aResumedSagaSkipsJournaledStepsAndReusesTheMatchKeyOfTheInterruptedOne() {
        Journal journal = new Journal();
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        OperationId id = OperationId.generate(0);
        journal.record(Operation.newSaga(id, "p", OperationKind.ACCOUNT_OPEN, null, null, Map.of(), clock.instant()));
        List<String> keys = new ArrayList<>();

        SagaSteps first = new SagaSteps(journal.find(id).orElseThrow(), journal, clock, (kind, step) -> {
            if (step.equals("contract")) {
                throw new IllegalStateException("crash after contract");
            }
        });
        first.step("subject", key -> {
            keys.add(key.value());
            return Map.of("subjectId", "11");
        });
        assertThrows(IllegalStateException.class, () -> first.step("contract", key -> {
            keys.add(key.value());
            return Map.of("contractId", "22");
        }));

        SagaSteps resumed = new SagaSteps(journal.find(id).orElseThrow(), journal, clock, SagaSteps.StepListener.NONE);
        Map<String, String> data = resumed.step("subject", key -> {
            throw new AssertionError("a journaled step must not run again");
        });
        assertEquals("11", data.get("subjectId"));
        data = resumed.step("contract", key -> Map.of("contractId", "22"));
        data = resumed.step("activate", key -> {
            keys.add(key.value());
            return Map.of();
        });
        assertEquals("22", data.get("contractId"));
        assertEquals(List.of(MatchKey.of(id, "subject").value(), MatchKey.of(id, "contract").value(),
                MatchKey.of(id, "activate").value()), keys);
    }
}
