package io.anygate.webhook;

import io.anygate.store.JdbcWebhookOutbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's record of a card_last_tx owed by an approval (status BUILD): durable across a restart, claimed by one
 * replica at a time, retried later when it cannot be built, never delivered before it is built, counted in the
 * backlog, and one per TX transaction whoever records it first.
 */
class PendingBuildTest {

    private static final long CARD = 4242;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private WebhookBench bench;
    private Receiver receiver;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        if (receiver != null) {
            receiver.close();
        }
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void aBuildRecordedBeforeACrashIsThereAfterTheRestartAndGetsBuilt() throws Exception {
        DataSource before = fileStore();
        assertTrue(new JdbcWebhookOutbox(before).insertBuild("card_last_tx:9001", "acme", CardLastTx.METHOD, CARD,
                9001, clock.instant()));
        shutdown(before);

        // "Restart": a new datasource on the same files, migrations re-checked as at startup.
        DataSource after = fileStore();
        OutboxRepository outbox = new JdbcWebhookOutbox(after);
        assertEquals(List.of(CARD), outbox.cardsToBuild(clock.instant(), 10));
        List<OutboxRepository.PendingBuild> claimed = outbox.claimBuilds(CARD, "replica-b", clock.instant(),
                clock.instant().plus(Duration.ofMinutes(2)), 500);
        assertEquals(1, claimed.size());
        assertEquals(9001, claimed.get(0).tranId());
        assertEquals("acme", claimed.get(0).partnerId());
        assertEquals("card_last_tx:9001", claimed.get(0).eventId());
        assertEquals(new OutboxRepository.Backlog(1, 1, clock.instant()), outbox.backlog());
        assertEquals(1, outbox.finishBuilds("replica-b",
                List.of(new OutboxRepository.Built(claimed.get(0).id(), payload("9001"))), List.of(), clock.instant()));
        OutboxEntry e = outbox.find("card_last_tx:9001").orElseThrow();
        assertEquals("PENDING", e.status());
        assertEquals(0, e.attempts(), "building is not a delivery attempt");
        assertEquals(new OutboxRepository.Backlog(1, 0, clock.instant()), outbox.backlog());
        shutdown(after);
    }

    @Test
    void oneReplicaBuildsACardAtATimeAndACrashedBuildersLeaseRunsOut() {
        bench = WebhookBench.h2();
        OutboxRepository outbox = bench.outbox;
        recordBuild(7001);
        recordBuild(7002);
        Instant now = clock.instant();
        assertEquals(2, outbox.claimBuilds(CARD, "a", now, now.plus(Duration.ofMinutes(2)), 500).size());
        assertTrue(outbox.claimBuilds(CARD, "b", now, now.plus(Duration.ofMinutes(2)), 500).isEmpty());
        assertTrue(outbox.cardsToBuild(now, 10).isEmpty(), "leased builds are not offered");

        // "a" dies holding them: once its lease ends, "b" builds them, and "a" can no longer write.
        clock.advance(Duration.ofMinutes(3));
        now = clock.instant();
        List<OutboxRepository.PendingBuild> taken = outbox.claimBuilds(CARD, "b", now,
                now.plus(Duration.ofMinutes(2)), 500);
        assertEquals(2, taken.size());
        List<OutboxRepository.Built> both = List.of(new OutboxRepository.Built(taken.get(0).id(), payload("7001")),
                new OutboxRepository.Built(taken.get(1).id(), payload("7002")));
        assertEquals(0, outbox.finishBuilds("a", both, List.of(), now));
        assertEquals("BUILD", outbox.find("card_last_tx:7001").orElseThrow().status(), "a's late batch changed nothing");
        // b's batch: one transaction for the card's builds, both handed to the dispatcher
        assertEquals(2, outbox.finishBuilds("b", both, List.of(), now));
        assertEquals("PENDING", outbox.find("card_last_tx:7001").orElseThrow().status());
        assertEquals("PENDING", outbox.find("card_last_tx:7002").orElseThrow().status());
        assertEquals(0, outbox.finishBuilds("b", both, List.of(), now), "a batch is built once");
    }

    @Test
    void aCardWithManyBuildsIsBuiltInSlicesTheOldestFirstAndTwoReplicasShareThem() {
        bench = WebhookBench.h2();
        OutboxRepository outbox = bench.outbox;
        for (long tran = 9105; tran > 9100; tran--) {
            recordBuild(tran);
        }
        Instant now = clock.instant();
        List<OutboxRepository.PendingBuild> first = outbox.claimBuilds(CARD, "a", now, now.plusSeconds(120), 2);
        assertEquals(List.of(9101L, 9102L), first.stream().map(OutboxRepository.PendingBuild::tranId).toList());
        assertEquals(List.of(CARD), outbox.cardsToBuild(now, 10), "the rest of the card is still offered");
        List<OutboxRepository.PendingBuild> second = outbox.claimBuilds(CARD, "b", now, now.plusSeconds(120), 2);
        assertEquals(List.of(9103L, 9104L), second.stream().map(OutboxRepository.PendingBuild::tranId).toList(),
                "another replica takes the next slice, never a leased one");
    }

    @Test
    void oneCommitEndsACardsBatchBuiltAndPutOffAlikeAndAPutOffBuildWaitsItsDelay() {
        bench = WebhookBench.h2();
        OutboxRepository outbox = bench.outbox;
        recordBuild(9201);
        recordBuild(9202);
        Instant now = clock.instant();
        List<OutboxRepository.PendingBuild> claimed = outbox.claimBuilds(CARD, "a", now, now.plusSeconds(120), 500);
        List<OutboxRepository.Built> built = List.of(new OutboxRepository.Built(claimed.get(0).id(), payload("9201")));
        List<OutboxRepository.Deferred> deferred = List.of(
                new OutboxRepository.Deferred(claimed.get(1).id(), now.plusSeconds(2), "TX busy"));

        assertEquals(0, outbox.finishBuilds("b", built, deferred, now), "b does not hold them");
        assertEquals(0, outbox.find("card_last_tx:9202").orElseThrow().attempts());

        assertEquals(1, outbox.finishBuilds("a", built, deferred, now));
        assertEquals("PENDING", outbox.find("card_last_tx:9201").orElseThrow().status());
        OutboxEntry later = outbox.find("card_last_tx:9202").orElseThrow();
        assertEquals("BUILD", later.status());
        assertEquals(1, later.attempts());
        assertEquals("TX busy", later.lastError());
        assertEquals(now.plusSeconds(2), later.nextAttemptAt());
        assertTrue(outbox.cardsToBuild(now.plusSeconds(1), 10).isEmpty(), "released, waiting for its delay");
        assertEquals(List.of(CARD), outbox.cardsToBuild(now.plusSeconds(2), 10));
        assertEquals(1, outbox.claimBuilds(CARD, "a", now.plusSeconds(2), now.plusSeconds(200), 500).get(0).attempts(),
                "tried again, its attempt counted");
    }

    @Test
    void theDelayDoublesUpToItsCeiling() {
        Duration initial = Duration.ofSeconds(2);
        Duration max = Duration.ofMinutes(1);
        assertEquals(Duration.ofSeconds(2), CardLastTxBuilder.delayAfter(1, initial, max));
        assertEquals(Duration.ofSeconds(4), CardLastTxBuilder.delayAfter(2, initial, max));
        assertEquals(Duration.ofSeconds(32), CardLastTxBuilder.delayAfter(5, initial, max));
        assertEquals(max, CardLastTxBuilder.delayAfter(6, initial, max));
        assertEquals(max, CardLastTxBuilder.delayAfter(10_000, initial, max));
    }

    @Test
    void anUnbuiltEventIsNeverDeliveredNorRedeliveredButCountsAsWaiting() throws Exception {
        bench = WebhookBench.h2();
        receiver = Receiver.start(0);
        bench.targets.put("acme", new WebhookTarget(receiver.url(), "acme-api", true));
        WebhookDispatcher dispatcher = bench.dispatcher("one", clock);
        recordBuild(6001);

        assertEquals(0, dispatcher.dispatchDue());
        assertTrue(receiver.received.isEmpty());
        assertFalse(bench.outbox.redeliver("card_last_tx:6001", clock.instant()));
        assertEquals("BUILD", bench.outbox.find("card_last_tx:6001").orElseThrow().status());
        assertEquals(1, bench.outbox.backlog().pending());

        OutboxRepository.PendingBuild b = bench.outbox.claimBuilds(CARD, "one", clock.instant(),
                clock.instant().plusSeconds(120), 500).get(0);
        assertEquals(1, bench.outbox.finishBuilds("one", List.of(new OutboxRepository.Built(b.id(), payload("6001"))),
                List.of(), clock.instant()));
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(1, receiver.received.size());
        assertEquals("card_last_tx:6001", receiver.received.get(0).header("X-Webhook-Event-Id"));
        assertEquals("1", receiver.received.get(0).header("X-Webhook-Attempt"));
        assertEquals(new OutboxRepository.Backlog(0, 0, null), bench.outbox.backlog());
    }

    @Test
    void oneEventPerTransactionWhoeverRecordsItFirst() {
        bench = WebhookBench.h2();
        // The follower enqueued the built event first: the approval's record adds nothing.
        assertTrue(bench.enqueue(WebhookBench.cardLastTx("acme", "5001"), clock));
        assertFalse(recordBuild(5001));
        assertEquals("PENDING", bench.outbox.find("card_last_tx:5001").orElseThrow().status());
        // The approval recorded first: the follower's event adds nothing; the build step makes it.
        assertTrue(recordBuild(5002));
        assertFalse(bench.enqueue(WebhookBench.cardLastTx("acme", "5002"), clock));
        assertFalse(recordBuild(5002), "a second approval of the same transaction (a resolver race)");
        OutboxEntry e = bench.outbox.find("card_last_tx:5002").orElseThrow();
        assertEquals("BUILD", e.status());
        assertNull(e.payload());
    }

    private boolean recordBuild(long tranId) {
        return bench.outbox.insertBuild("card_last_tx:" + tranId, "acme", CardLastTx.METHOD, CARD, tranId,
                clock.instant());
    }

    private static String payload(String txid) {
        return WebhookBench.cardLastTx("acme", txid).payload();
    }

    /** An H2 store in files under the test's directory (PostgreSQL mode, as the gateway's), migrated. */
    private DataSource fileStore() throws Exception {
        Files.createDirectories(dir);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }

    private static void shutdown(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
