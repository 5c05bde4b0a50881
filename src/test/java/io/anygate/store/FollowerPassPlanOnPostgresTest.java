package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transaction follower's pass at a production-sized card table: 20,000 cards, half of them followed already.
 * Its per-card lookups by contract (the newest card of a contract, the cursor a new card inherits) must reach their
 * rows through an index: as sequential scans of {@code card}, one pass cost 2.3 s of PostgreSQL at 10^5 cards,
 * every 10 s. And its pick of the least recently polled cards must read the first rows of an index in that order,
 * not sort every card (0.14 s per pass at 10^5 cards, growing with every card ever ordered). The plan is
 * PostgreSQL's own, read with EXPLAIN after ANALYZE, on a schema of this class's own.
 */
@QuarkusTest
@TestProfile(FollowerPassPlanOnPostgresTest.OwnSchema.class)
@EnabledIfPostgres
class FollowerPassPlanOnPostgresTest {

    /** A schema of its own: the filler's cards must not reach another class's follower. */
    public static class OwnSchema extends PostgresStoreProfile {
    }

    private static final int CARDS = 20_000;

    @Inject
    Store store;

    @Inject
    ObjectMapper json;

    @Test
    void thePassPicksAndLooksCardsUpThroughIndexes() throws Exception {
        JsonNode plan;
        try (Connection c = store.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO card (card_id, partner_id, acc_id, card_contract_id, currency, is_virtual,"
                    + " operation_id, created_at) SELECT 800000000 + g, 'plan-filler', NULL, 700000000 + g, 'EUR',"
                    + " true, 'PLANCARD' || lpad(g::text, 18, '0'), now() FROM generate_series(1, " + CARDS + ") g");
            s.executeUpdate("INSERT INTO tx_follow_cursor (card_id, last_tran_id, seen, polled_at)"
                    + " SELECT 800000000 + g, g, g, now() - (g || ' seconds')::interval"
                    + " FROM generate_series(1, " + CARDS / 2 + ") g");
            s.executeUpdate("UPDATE card SET followed_at = f.polled_at FROM tx_follow_cursor f"
                    + " WHERE f.card_id = card.card_id AND card.partner_id = 'plan-filler'");
            s.execute("ANALYZE card");
            s.execute("ANALYZE tx_follow_cursor");
            try (ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) "
                    + JdbcFollowerStore.DUE.replace("LIMIT ?", "LIMIT 200"))) {
                assertTrue(rs.next());
                plan = json.readTree(rs.getString(1)).get(0).get("Plan");
            }
        }
        List<String> subPlans = new ArrayList<>();
        List<String> scansOfCard = new ArrayList<>();
        List<String> sorts = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        walk(plan, false, subPlans, scansOfCard, sorts, indexes);
        assertTrue(subPlans.size() >= 2, "the inherited cursor's two lookups are subplans: " + plan);
        assertTrue(scansOfCard.isEmpty(), "a lookup scans every card: " + scansOfCard + " in " + plan);
        assertTrue(sorts.isEmpty(), "the pick sorts (" + sorts + ") instead of reading an index in order: " + plan);
        assertTrue(indexes.contains("card_follow_due_ix"), "the pick reads card_follow_due_ix: " + plan);
    }

    private static void walk(JsonNode node, boolean inSubPlan, List<String> subPlans, List<String> scans,
            List<String> sorts, List<String> indexes) {
        boolean sub = inSubPlan || "SubPlan".equals(node.path("Parent Relationship").asText());
        if (!inSubPlan && sub) {
            subPlans.add(node.path("Subplan Name").asText());
        }
        String type = node.path("Node Type").asText();
        if ("Seq Scan".equals(type) && "card".equals(node.path("Relation Name").asText())) {
            scans.add(node.path("Alias").asText());
        }
        if (type.contains("Sort")) {
            sorts.add(type + " " + node.path("Sort Key"));
        }
        if (node.has("Index Name")) {
            indexes.add(node.path("Index Name").asText());
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, sub, subPlans, scans, sorts, indexes);
        }
    }
}
