package io.anygate.anytime.batch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.domain.card.OwnedCard;
import io.anygate.store.Store;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A batch may run longer than the Idempotency-Key in-flight lease (20 sub-requests of up to a minute each, against a
 * lease of two minutes): it renews its claim as it goes, so a retry with its key while it still runs answers 409,
 * as for any request still running, instead of taking the key over and running the batch a second time alongside.
 */
@QuarkusTest
@TestProfile(MultiRequestLeaseTest.ShortLease.class)
class MultiRequestLeaseTest {

    /**
     * A lease of 3 s, which a batch of slow reads outlasts; a store of its own ({@link OwnDatabase}).
     */
    public static class ShortLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.idempotency.in-flight-lease", LEASE.toString(),
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("multi-request-lease"));
        }
    }

    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestPartner PARTNER = TestPartner.ALPHA;

    @Inject
    CardFixture fixture;
    @Inject
    Store store;
    @Inject
    Clock clock;

    @Test
    void aRetryWhileALongBatchStillRunsAnswers409() throws Exception {
        String token = EdgeClient.token(PARTNER);
        OwnedCard card = fixture.card(PARTNER.partnerId(), "100.00", "0.00");
        List<Map<String, Object>> subs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            subs.add(Map.of("uri", "/v1.0/accounts/" + card.accountId(), "query_string", "", "method", "GET"));
        }
        String form = MultiRequestTest.phpForm(subs);
        String key = "batch-" + UUID.randomUUID();
        CardFixture.sim().body(Map.of("operation", "*", "latencyMs", 1500)).put("/sim/faults").then()
                .statusCode(200);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Response> first = caller.submit(() -> EdgeClient.signed(PARTNER)
                    .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                    .contentType("application/x-www-form-urlencoded").body(form).post("/v1.0/multi-request"));
            // four reads of 1.5 s each: the batch still runs, past its claim's first lease, which it renewed
            long firstClaim = await("the batch's claim").atMost(Duration.ofSeconds(10))
                    .until(() -> claimedAt(key), Objects::nonNull);
            await("the batch's claim renewed past its first lease").atMost(Duration.ofSeconds(20)).until(() -> {
                Long claimed = claimedAt(key);
                return claimed != null && claimed > firstClaim && clock.millis() >= firstClaim + LEASE.toMillis();
            });
            Response retry = EdgeClient.signed(PARTNER).header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", key).contentType("application/x-www-form-urlencoded").body(form)
                    .post("/v1.0/multi-request");
            Response done = first.get(60, TimeUnit.SECONDS);
            assertEquals(200, done.statusCode(), done.asString());
            for (JsonNode slot : JSON.readTree(done.asString()).path("body").path("responses")) {
                assertEquals(200, slot.path("http_status_code").asInt(), slot.toString());
            }
            assertEquals(409, retry.statusCode(), "the batch still ran: " + retry.asString());
            assertEquals(4090010, retry.jsonPath().getLong("body.error.code"));
        } finally {
            caller.shutdownNow();
            CardFixture.sim().delete("/sim/faults").then().statusCode(200);
        }
    }

    /** When the partner's in-flight claim of this Idempotency-Key was last (re)started; null once answered. */
    private Long claimedAt(String key) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT claimed_at FROM idempotency_key WHERE partner_id = ? AND idem_key = ?"
                        + " AND state = 'IN_FLIGHT'")) {
            ps.setString(1, PARTNER.partnerId());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli() : null;
            }
        }
    }
}
