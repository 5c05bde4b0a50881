package io.anygate.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What operators read about the journal: the unresolved operations as gauges of the shared journal, the final
 * states as counters of what this replica committed. A final state rolled back with its unit of work is not
 * counted; nothing counts the whole journal.
 */
@QuarkusTest
class OperationMetricsTest {

    @Inject
    OperationJournal journal;

    @Inject
    UnitOfWork units;

    @Inject
    OperationMetrics metrics;

    @Inject
    MeterRegistry registry;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Operation recorded() {
        Operation op = Operation.newMoney(OperationId.generate(now.toEpochMilli()), "partner-metrics",
                OperationKind.CARD_CREDIT, null, "fp", 10L, ThreadLocalRandom.current().nextLong(1L << 40),
                new BigDecimal("1.00"), "EUR", MoneyComments.NONE, now);
        assertTrue(journal.record(op));
        return op;
    }

    private double finished(OperationState state) {
        return registry.get("gateway.operations.finished").tag("state", state.name().toLowerCase()).counter().count();
    }

    private double unresolved(OperationState state) {
        return registry.get("gateway.operations").tag("state", state.name().toLowerCase()).gauge().value();
    }

    @Test
    void aCommittedFinalStateIsCountedOnce() {
        Operation op = recorded();
        double before = finished(OperationState.DECLINED);
        assertTrue(units.inOne(() -> journal.finish(op.id(), OperationState.DECLINED, null, "TEST", now)));
        assertEquals(before + 1, finished(OperationState.DECLINED));
        assertFalse(journal.finish(op.id(), OperationState.DECLINED, null, "TEST", now),
                "an operation already final cannot finish again");
        assertEquals(before + 1, finished(OperationState.DECLINED), "the losing resolver counts nothing");

        Operation outside = recorded();
        assertTrue(journal.finish(outside.id(), OperationState.DECLINED, null, "TEST", now));
        assertEquals(before + 2, finished(OperationState.DECLINED), "outside a unit the write commits at once");
    }

    @Test
    void aFinalStateRolledBackWithItsUnitIsNotCounted() {
        Operation op = recorded();
        double before = finished(OperationState.FAILED);
        assertThrows(IllegalStateException.class, () -> units.inOne(() -> {
            journal.finish(op.id(), OperationState.FAILED, null, "TEST", now);
            throw new IllegalStateException("the unit's next write failed");
        }));
        assertEquals(OperationState.PENDING, journal.find(op.id()).orElseThrow().state());
        assertEquals(before, finished(OperationState.FAILED));
    }

    @Test
    void theGaugesFollowTheUnresolvedOperations() {
        metrics.refresh();
        double pending = unresolved(OperationState.PENDING);
        double unknown = unresolved(OperationState.UNKNOWN);
        assertEquals(journal.countUnresolved().get(OperationState.PENDING), (long) pending);
        Operation op = recorded();
        metrics.refresh();
        assertEquals(pending + 1, unresolved(OperationState.PENDING));
        journal.markUnknown(op.id(), now);
        metrics.refresh();
        assertEquals(pending, unresolved(OperationState.PENDING));
        assertEquals(unknown + 1, unresolved(OperationState.UNKNOWN));
        journal.finish(op.id(), OperationState.APPROVED, 42L, null, now);
        metrics.refresh();
        assertEquals(unknown, unresolved(OperationState.UNKNOWN));
    }

    @Test
    void prometheusShowsTheUnresolvedGaugesAndTheFinishedCounters() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String state : new String[] {"pending", "unknown"}) {
            assertTrue(scrape.contains("gateway_operations{state=\"" + state + "\"}"), state);
        }
        for (String state : new String[] {"approved", "declined", "failed"}) {
            assertTrue(scrape.contains("gateway_operations_finished_total{state=\"" + state + "\"}"), state);
            assertFalse(scrape.contains("gateway_operations{state=\"" + state + "\"}"),
                    "no gauge of a final state: it would count the whole journal");
        }
    }
}
