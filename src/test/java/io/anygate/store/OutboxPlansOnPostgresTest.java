package io.anygate.store;

import static io.anygate.store.MigrationDatabases.flyway;
import static io.anygate.store.MigrationDatabases.onPostgres;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.webhook.OutboxEntry;
import io.anygate.webhook.OutboxRepository;
import io.anygate.webhook.OutboxRepository.PendingBuild;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The webhook outbox's statements at a month of history: 200,000 delivered events beside the few in flight. On
 * PostgreSQL the outbox's indexes are partial, one state each (V69), and each statement must reach its rows through
 * the index of the state it selects on, or through the primary key or the event id, in the plan PostgreSQL makes
 * once a prepared statement goes generic (the JDBC driver prepares on the server after five executions): never a
 * scan of the table, never an index of the whole history. A statement that selects by a bound state
 * ("status = ?") fails here: a generic plan cannot prove a partial index's predicate from a parameter. The same
 * must hold for the plan made on a fresh, empty table that was never analyzed, which a connection keeps for as long
 * as nothing analyzes the table: there a scan of a partial index costs what the primary key's lookup costs, and a
 * lookup by id that also names a state as a literal was planned as a scan of every pending event.
 */
@EnabledIfPostgres
class OutboxPlansOnPostgresTest {

    private static final String PKEY = "webhook_outbox_pkey";
    private static final String EVENT_ID = "webhook_outbox_event_id_uk";
    private static final String DUE = "webhook_outbox_pending_due_ix";
    private static final String ENDPOINT = "webhook_outbox_pending_endpoint_ix";
    private static final String BUILD = "webhook_outbox_build_ix";
    private static final String FAILED = "webhook_outbox_failed_ix";
    private static final String DELIVERED_AT = "webhook_outbox_delivered_at_ix";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyStatementReadsTheIndexOfItsStateNotTheHistory() throws Exception {
        onPostgres((fresh, freshSchema) -> onPostgres((ds, schema) -> {
            flyway(fresh, freshSchema).load().migrate();
            flyway(ds, schema).load().migrate();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                fill(s);
            }
            Instant now = Instant.now();
            // each statement explained at the month of history, and (but for the purge) on the fresh table
            Recorder recorder = new Recorder(ds, fresh);
            OutboxRepository outbox = new JdbcWebhookOutbox(recorder.dataSource());

            for (Plan p : recorder.plansOf(
                    () -> assertTrue(outbox.insertBuild("plan-build", "p1", "card_last_tx", 7, 900_001, now)), true)) {
                assertTrue(p.seqScans == 0 && p.indexes.isEmpty(), "an insert reads nothing: " + p);
            }
            assertUses(recorder, Set.of(BUILD), () -> assertFalse(outbox.cardsToBuild(now, 50).isEmpty()));
            List<PendingBuild> claimed = new ArrayList<>();
            assertUses(recorder, Set.of(BUILD, PKEY),
                    () -> claimed.addAll(outbox.claimBuilds(7, "plan", now, now.plusSeconds(60), 100)));
            assertFalse(claimed.isEmpty(), "the card's builds are claimed");
            assertUses(recorder, Set.of(PKEY), () -> assertEquals(1, outbox.finishBuilds("plan",
                    List.of(new OutboxRepository.Built(claimed.get(0).id(), "{}")), List.of(), now)));

            List<OutboxEntry> due = new ArrayList<>();
            assertUses(recorder, Set.of(DUE), () -> due.addAll(outbox.findDue(now, 50)));
            assertEquals(50, due.size(), "a batch of due events");
            assertUses(recorder, Set.of(DUE), () -> outbox.findDue(now, 50, List.of("p1", "p2")));
            long id = due.get(0).id();
            assertUses(recorder, Set.of(PKEY), () -> outbox.defer(id, "https://hooks.example/1", now, now));
            assertUses(recorder, Set.of(PKEY),
                    () -> assertTrue(outbox.claim(id, "plan", now, now.plusSeconds(60))));
            assertUses(recorder, Set.of(PKEY), () -> outbox.finish(id, "plan", new OutboxRepository.Attempt(
                    OutboxRepository.DELIVERED, now, now, 200, null, 1L, "https://hooks.example/1")));
            assertUses(recorder, Set.of(EVENT_ID), () -> assertTrue(outbox.find("hist-17").isPresent()));
            assertUses(recorder, Set.of(EVENT_ID), () -> assertTrue(outbox.redeliver("hist-17", now)));
            assertUses(recorder, Set.of(ENDPOINT),
                    () -> assertTrue(outbox.pullForward("https://hooks.example/3", now) > 0));
            assertUses(recorder, Set.of(FAILED), () -> assertEquals(20, outbox.failed(20).size()));
            // each state through its own partial index, whichever of the pending ones is smaller
            assertUses(recorder, Set.of(BUILD, DUE, ENDPOINT),
                    () -> assertTrue(outbox.backlog().pending() > 3_000));
            // hourly: its plan can go generic after five hours on one connection at the earliest, long after the
            // first ANALYZE of a growing table, so only the analyzed table's plan counts
            assertUsesOnceAnalyzed(recorder, Set.of(DELIVERED_AT, PKEY),
                    () -> assertEquals(500, outbox.purgeDelivered(now.minusSeconds(3_600), 500)));
        }));
    }

    /** 200,000 delivered events (the history), 3,000 pending, 1,000 to build, 100 failed; then ANALYZE. */
    private static void fill(Statement s) throws Exception {
        String columns = "INSERT INTO webhook_outbox (event_id, partner_id, event_type, payload, created_at, status,"
                + " attempts, next_attempt_at, endpoint, last_attempt_at, last_status, delivered_at, card_id,"
                + " tran_id) ";
        s.executeUpdate(columns + "SELECT 'hist-' || g, 'p' || (g % 50), 'card_last_tx', '{}',"
                + " now() - interval '20 days' + g * interval '5 seconds', 'DELIVERED', 1,"
                + " now() - interval '20 days' + g * interval '5 seconds', 'https://hooks.example/' || (g % 50),"
                + " now() - interval '20 days' + g * interval '5 seconds', 200,"
                + " now() - interval '20 days' + g * interval '5 seconds', g % 20000, g"
                + " FROM generate_series(1, 200000) g");
        s.executeUpdate(columns + "SELECT 'pending-' || g, 'p' || (g % 50), 'card_last_tx', '{}', now(), 'PENDING', 0,"
                + " now() + (g - 1500) * interval '1 second', 'https://hooks.example/' || (g % 50), NULL, NULL, NULL,"
                + " g % 20000, 300000 + g FROM generate_series(1, 3000) g");
        s.executeUpdate(columns + "SELECT 'build-' || g, 'p' || (g % 50), 'card_last_tx', NULL, now(), 'BUILD', 0,"
                + " now() - interval '1 minute', NULL, NULL, NULL, NULL, g % 300, 400000 + g"
                + " FROM generate_series(1, 1000) g");
        s.executeUpdate(columns + "SELECT 'failed-' || g, 'p' || (g % 50), 'card_last_tx', '{}', now(), 'FAILED', 12,"
                + " now(), 'https://hooks.example/' || (g % 50), now() - g * interval '1 minute', 500, NULL,"
                + " g % 20000, 500000 + g FROM generate_series(1, 100) g");
        s.execute("ANALYZE webhook_outbox");
    }

    private static void assertUses(Recorder recorder, Set<String> allowed, Runnable call) throws Exception {
        assertPlans(recorder.plansOf(call, true), allowed);
    }

    private static void assertUsesOnceAnalyzed(Recorder recorder, Set<String> allowed, Runnable call)
            throws Exception {
        assertPlans(recorder.plansOf(call, false), allowed);
    }

    private static void assertPlans(List<Plan> plans, Set<String> allowed) {
        assertFalse(plans.isEmpty(), "the call made no statement");
        for (Plan p : plans) {
            assertTrue(p.seqScans == 0, "a scan of the whole table: " + p);
            assertFalse(p.indexes.isEmpty(), "no index read: " + p);
            assertTrue(allowed.containsAll(p.indexes), "reads " + p.indexes + ", expected only " + allowed + ": " + p);
            // a batch in order reads an index in that order; the builder's cards sort by their groups' oldest build
            assertTrue(p.sorts.isEmpty() || p.sql.contains("GROUP BY"),
                    "sorts instead of reading an index in order: " + p);
        }
    }

    /** One statement's generic plan: what it scans and sorts. */
    private record Plan(String sql, int seqScans, Set<String> indexes, List<String> sorts, JsonNode json) {
        @Override
        public String toString() {
            return sql + " -> " + json;
        }
    }

    /**
     * A datasource that notes every prepared statement the repository executes, with the values bound to it (the
     * first of a batch), so that each can be explained as PostgreSQL plans it once generic.
     */
    private static final class Recorder {
        private final DataSource real;
        private final DataSource fresh;
        private final List<Object[]> executed = new ArrayList<>();

        Recorder(DataSource real, DataSource fresh) {
            this.real = real;
            this.fresh = fresh;
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, m, args) -> {
                        Object result = call(real, m, args);
                        return result instanceof Connection c ? connection(c) : result;
                    });
        }

        private Connection connection(Connection c) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, m, args) -> {
                        Object result = call(c, m, args);
                        if (result instanceof PreparedStatement ps && "prepareStatement".equals(m.getName())) {
                            return statement(ps, (String) args[0]);
                        }
                        return result;
                    });
        }

        private PreparedStatement statement(PreparedStatement ps, String sql) {
            List<Object> bound = new ArrayList<>();
            boolean[] noted = new boolean[1];
            return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, m, args) -> {
                        if ("setObject".equals(m.getName())) {
                            int i = (Integer) args[0];
                            while (bound.size() < i) {
                                bound.add(null);
                            }
                            bound.set(i - 1, args[1]);
                        }
                        if ((m.getName().startsWith("execute") || "addBatch".equals(m.getName())) && !noted[0]) {
                            executed.add(new Object[] {sql, bound.toArray()});
                            noted[0] = true;
                        }
                        return call(ps, m, args);
                    });
        }

        /** Runs {@code call}, then explains each statement it made where it ran and, if asked, on the fresh table. */
        List<Plan> plansOf(Runnable call, boolean freshToo) throws Exception {
            executed.clear();
            call.run();
            List<Plan> plans = new ArrayList<>();
            for (DataSource ds : freshToo ? List.of(real, fresh) : List.of(real)) {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.execute("SET plan_cache_mode = force_generic_plan");
                    for (Object[] e : executed) {
                        plans.add(explain(s, (String) e[0], (Object[]) e[1]));
                    }
                }
            }
            return plans;
        }

        private static Plan explain(Statement s, String sql, Object[] values) throws Exception {
            StringBuilder numbered = new StringBuilder();
            int n = 0;
            for (char ch : sql.toCharArray()) {
                if (ch == '?') {
                    numbered.append('$').append(++n);
                } else {
                    numbered.append(ch);
                }
            }
            String where = s.getConnection().getSchema();
            List<String> literals = new ArrayList<>();
            for (Object v : values) {
                literals.add(v == null ? "NULL" : v instanceof Number ? v.toString()
                        : "'" + v.toString().replace("'", "''") + "'");
            }
            s.execute("PREPARE explained AS " + numbered);
            try (ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) EXECUTE explained"
                    + (literals.isEmpty() ? "" : "(" + String.join(", ", literals) + ")"))) {
                assertTrue(rs.next());
                JsonNode plan = JSON.readTree(rs.getString(1)).get(0).get("Plan");
                int[] seqScans = new int[1];
                Set<String> indexes = new TreeSet<>();
                List<String> sorts = new ArrayList<>();
                walk(plan, seqScans, indexes, sorts);
                return new Plan(where + ": " + sql, seqScans[0], indexes, sorts, plan);
            } finally {
                s.execute("DEALLOCATE explained");
            }
        }

        private static void walk(JsonNode node, int[] seqScans, Set<String> indexes, List<String> sorts) {
            String type = node.path("Node Type").asText();
            if ("Seq Scan".equals(type) && "webhook_outbox".equals(node.path("Relation Name").asText())) {
                seqScans[0]++;
            }
            if (type.contains("Sort")) {
                sorts.add(type + " " + node.path("Sort Key"));
            }
            if (node.has("Index Name")) {
                indexes.add(node.path("Index Name").asText());
            }
            for (JsonNode child : node.path("Plans")) {
                walk(child, seqScans, indexes, sorts);
            }
        }

        private static Object call(Object target, Method m, Object[] args) throws Throwable {
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
