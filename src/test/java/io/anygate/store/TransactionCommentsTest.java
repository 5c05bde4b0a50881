package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.money.TransactionComments;
import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The comments of a page of TX transactions, from the operation journal: approved loads and unloads of the asking
 * partner only, recorded with the operation and never changed by a replay, in one query per page.
 */
@QuarkusTest
class TransactionCommentsTest {

    @Inject
    OperationJournal journal;

    @Inject
    TransactionComments comments;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String partner = "tc-" + UUID.randomUUID().toString().substring(0, 8);
    // Tran ids of this run only (the PostgreSQL schema lives as long as the test JVM).
    private final long base = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);

    private Operation load(String partnerId, OperationKind kind, MoneyComments c) {
        return Operation.newMoney(OperationId.generate(now.toEpochMilli()), partnerId, kind, null, "fp", 10L, 20L,
                new BigDecimal("1.00"), "EUR", c, now);
    }

    private Operation settled(String partnerId, OperationKind kind, MoneyComments c, OperationState state,
            Long tranId) {
        Operation op = load(partnerId, kind, c);
        assertTrue(journal.record(op));
        journal.finish(op.id(), state, tranId, state == OperationState.APPROVED ? null : "X", now);
        return op;
    }

    @Test
    void onlyTheAskingPartnersApprovedLoadsAndUnloadsAreFound() {
        settled(partner, OperationKind.CARD_CREDIT, new MoneyComments("Top-up 1234", "Gift"), OperationState.APPROVED,
                base + 1);
        settled(partner, OperationKind.CARD_DEBIT, new MoneyComments(null, "Unload"), OperationState.APPROVED,
                base + 2);
        settled(partner, OperationKind.CARD_CREDIT, new MoneyComments("", " "), OperationState.APPROVED, base + 3);
        settled(partner, OperationKind.CARD_CREDIT, new MoneyComments("Declined one", "x"), OperationState.DECLINED,
                base + 4);
        settled("other-" + partner, OperationKind.CARD_CREDIT, new MoneyComments("Not yours", "No"),
                OperationState.APPROVED, base + 5);
        Operation pending = load(partner, OperationKind.CARD_CREDIT, new MoneyComments("Pending", "P"));
        journal.record(pending);

        Map<Long, MoneyComments> found = comments.of(partner, List.of(base + 1, base + 2, base + 3, base + 4, base + 5,
                base + 6));

        assertEquals(Map.of(base + 1, new MoneyComments("Top-up 1234", "Gift"), base + 2,
                new MoneyComments(null, "Unload"), base + 3, MoneyComments.NONE), found);
        assertEquals(Map.of(base + 1, "Gift", base + 2, "Unload"), comments.cardSide(partner, List.of(base + 1,
                base + 2, base + 3)));
        assertEquals(Map.of(base + 1, "Top-up 1234"), comments.accountSide(partner, List.of(base + 1, base + 2,
                base + 3)));
        assertEquals(Map.of(), comments.of(partner, List.of()));
    }

    @Test
    void theCommentsAreRecordedWithTheOperationAndAReplayChangesNothing() {
        Operation first = load(partner, OperationKind.CARD_CREDIT, new MoneyComments("First", "First card"));
        assertTrue(journal.record(first));
        assertEquals(new MoneyComments("First", "First card"), journal.find(first.id()).orElseThrow().comments());
        Operation replay = new Operation(first.id(), partner, OperationKind.CARD_CREDIT, OperationState.PENDING, null,
                "fp", 10L, 20L, first.amount(), "EUR", new MoneyComments("Second", "Second card"), null, null, null,
                Map.of(), 1, now, now);
        assertFalse(journal.record(replay));
        journal.finish(first.id(), OperationState.APPROVED, base + 10, null, now);

        assertEquals(Map.of(base + 10, new MoneyComments("First", "First card")),
                comments.of(partner, List.of(base + 10)));
        Operation none = load(partner, OperationKind.CARD_CREDIT, MoneyComments.NONE);
        journal.record(none);
        assertEquals(MoneyComments.NONE, journal.find(none.id()).orElseThrow().comments(), "stored as NULL, read back");
    }

    @Test
    void aBacklogLongerThanAPageIsReadInSlices() {
        settled(partner, OperationKind.CARD_CREDIT, new MoneyComments("Early", null), OperationState.APPROVED,
                base + 20);
        settled(partner, OperationKind.CARD_CREDIT, new MoneyComments(null, "Late"), OperationState.APPROVED,
                base + 2520);
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < 2600; i++) {
            ids.add(base + i);
        }

        Map<Long, MoneyComments> found = comments.of(partner, ids);

        assertEquals(Map.of(base + 20, new MoneyComments("Early", null), base + 2520, new MoneyComments(null, "Late")),
                found);
    }
}
