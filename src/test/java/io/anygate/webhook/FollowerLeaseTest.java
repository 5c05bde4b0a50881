package io.anygate.webhook;

import io.anygate.store.JdbcFollowerStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.money.TransactionHistory;
import io.anygate.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follower's lease during a pass longer than the lease: kept (renewed as the pass goes), so that another
 * replica cannot start following the same cards; and a pass whose renewal is refused stops at once. TX is slow by
 * hand: every card's list call moves a clock of the test's own.
 */
class FollowerLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int CARDS = 6;

    private WebhookBench bench;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final TransactionFollower follower = new TransactionFollower();
    private int listCalls;

    @BeforeEach
    void store() throws SQLException {
        bench = WebhookBench.h2();
        follower.clock = clock;
        try (Connection c = bench.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO card (card_id, partner_id, card_contract_id, currency, is_virtual, operation_id,"
                        + " created_at) VALUES (?, 'acme', ?, 'EUR', TRUE, ?, ?)")) {
            for (int i = 1; i <= CARDS; i++) {
                ps.setLong(1, 1000 + i);
                ps.setLong(2, 2000 + i);
                ps.setString(3, "op-" + i);
                ps.setObject(4, clock.instant().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
    }

    @AfterEach
    void close() {
        bench.close();
    }

    @Test
    void aPassLongerThanItsLeaseKeepsItFromStartToEnd() throws SQLException {
        FollowerStore contender = new JdbcFollowerStore(bench.dataSource);
        List<Boolean> contenderTookIt = new ArrayList<>();
        // 25 s per card: six cards take 150 s, two and a half leases
        slowTx(call -> {
            clock.advance(Duration.ofSeconds(25));
            contenderTookIt.add(claim(contender, "replica-b"));
        });

        TransactionFollower.Pass pass = follower.run(new JdbcFollowerStore(bench.dataSource), "replica-a", LEASE, 100, 10);

        assertEquals(new TransactionFollower.Pass(true, CARDS, 0), pass);
        assertEquals(List.of(false, false, false, false, false, false), contenderTookIt,
                "another replica could take the job during the pass (one entry per card)");
        assertEquals("replica-a", owner(bench.dataSource));
        assertEquals(CARDS, cursors(bench.dataSource));
    }

    @Test
    void aPassWhoseRenewalIsRefusedStopsAtOnce() throws SQLException {
        FollowerStore contender = new JdbcFollowerStore(bench.dataSource);
        // The first card's list call outlasts the lease, and another replica takes the job meanwhile.
        slowTx(call -> {
            clock.advance(call == 1 ? LEASE.plusSeconds(10) : Duration.ofSeconds(1));
            if (call == 1) {
                assertTrue(claim(contender, "replica-b"), "the lease ran out: another replica may take it");
            }
        });

        TransactionFollower.Pass pass = follower.run(new JdbcFollowerStore(bench.dataSource), "replica-a", LEASE, 100, 10);

        assertEquals(new TransactionFollower.Pass(false, 1, 0), pass);
        assertEquals(1, listCalls, "no TX call after the renewal was refused");
        assertEquals(1, cursors(bench.dataSource), "only the first card was followed");
        assertEquals("replica-b", owner(bench.dataSource));
    }

    /** A TX whose list call runs {@code onCall} (with the call's number) and then lists nothing new. */
    private void slowTx(Consumer<Integer> onCall) {
        follower.history = new TransactionHistory() {
            @Override
            public Page oldestFirst(long contractId, int offset, int limit) {
                onCall.accept(++listCalls);
                return new Page(List.of(), false);
            }

            @Override
            public Page newestFirst(long contractId, int offset, int limit) {
                throw new AssertionError("no balance is read when nothing is new");
            }
        };
    }

    private boolean claim(FollowerStore store, String owner) {
        return store.claim(TransactionFollower.JOB, owner, LEASE, clock.instant());
    }

    private static String owner(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT owner FROM job_lease WHERE job_name = ?")) {
            ps.setString(1, TransactionFollower.JOB);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static int cursors(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM tx_follow_cursor"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
