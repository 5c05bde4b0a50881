package io.anygate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.testsupport.AccessLines;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.CountingDriver;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counts the work of one request, warm (the card's ownership cached, the partner's token issued): TX calls (the
 * access line's {@code tx_calls}), store statements and commits ({@link CountingDriver}), log lines at INFO and
 * above. Counts, not times: what docs/performance.md "Where the time goes" tabulates, and a bound on each so that a
 * change that adds a round trip to a hot path is seen. Scheduled jobs are off, so only the request's own work is
 * counted; each count prints as a line {@code WORK <operation> ...} with the statements it made.
 */
@QuarkusTest
@TestProfile(WorkPerRequestTest.Counted.class)
class WorkPerRequestTest {

    /** The embedded H2 store behind the counting driver, no scheduled job running. */
    public static class Counted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(
                    CountingDriver.overrides("h2", OwnDatabase.h2Url("work_per_request")));
            config.put("quarkus.scheduler.enabled", "false");
            return config;
        }
    }

    /** One request's work. */
    record Work(String operation, int status, int txCalls, CountingDriver.Counts store, List<String> logLines) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("WORK " + operation + ": status " + status + ", tx_calls " + txCalls
                    + ", statements " + store.statementCount() + ", commits " + store.commits() + ", rollbacks "
                    + store.rollbacks() + ", log lines " + logLines.size());
            store.statements().forEach((sql, n) -> s.append("\n  ").append(n).append(" x ").append(sql));
            logLines.forEach(l -> s.append("\n  log: ").append(l));
            return s.toString();
        }
    }

    @Inject
    CardFixture fixture;

    private AccessLines access;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler logHandler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                logged.add(r.getLoggerName() + " " + (r instanceof ExtLogRecord e ? e.getFormattedMessage()
                        : r.getMessage()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        access = AccessLines.install();
        Logger.getLogger("").addHandler(logHandler);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(logHandler);
        access.uninstall();
    }

    @Test
    void aSignedCardReadAnApicheckAndACreditEachDoTheirCountedWork() {
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "1000.00", "10.00");
        String cardRef = CardRef.ofTxCard(card.cardId()).value();
        Supplier<Response> apicheck = () -> EdgeClient.apicheck(TestPartner.DELTA, token);
        Supplier<Response> read = () -> EdgeClient.signed(TestPartner.DELTA).header("Authorization", "Bearer " + token)
                .get("/v1.0/cards/" + cardRef);
        Supplier<Response> credit = () -> EdgeClient.signed(TestPartner.DELTA)
                .header("Authorization", "Bearer " + token).contentType("application/x-www-form-urlencoded")
                .formParam("amount", "0.01").post("/v1.0/cards/" + cardRef + "/credit");

        List<Work> works = new ArrayList<>();
        works.add(measure("apicheck", "/v1.0/apicheck", apicheck));
        works.add(measure("card read", "/v1.0/cards/{card_ref}", read));
        works.add(measure("credit", "/v1.0/cards/{card_ref}/credit", credit));
        works.forEach(System.out::println);

        Work check = works.get(0), cardRead = works.get(1), load = works.get(2);
        assertEquals(200, check.status());
        assertEquals(200, cardRead.status());
        assertEquals(200, load.status());
        // apicheck with a token this replica has seen: the replay claim, which checks the token in the same
        // statement; no TX call, and the access line only
        assertEquals(0, check.txCalls());
        assertTrue(check.store().statementCount() <= 1 + rateCounterStatements(), check.toString());
        assertEquals(1, check.logLines().size(), check.toString());
        // card read: the three TX reads (card, its contract's balance, its holder); ownership is cached
        assertEquals(3, cardRead.txCalls());
        assertTrue(cardRead.store().statementCount() <= 1 + rateCounterStatements(), cardRead.toString());
        assertEquals(1, cardRead.logLines().size(), cardRead.toString());
        // credit: the card's standing, then the transfer
        assertEquals(2, load.txCalls(), load.toString());
        assertTrue(load.store().commits() <= 3 + rateCounterStatements(), load.toString());
        assertEquals(1, load.logLines().size(), load.toString());
    }

    @Test
    void aWarmCardReadShowsTheHolderItAskedForWithTheCard() {
        // the first read learns the holder from the card; the next ones ask for it with the card (TxCardCoreHolderTest)
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "1000.00", "10.00");
        String cardRef = CardRef.ofTxCard(card.cardId()).value();
        Supplier<Response> read = () -> EdgeClient.signed(TestPartner.DELTA).header("Authorization", "Bearer " + token)
                .get("/v1.0/cards/" + cardRef);
        assertEquals("Lovelace", read.get().jsonPath().getString("body.card_holder.last_name"));
        int linesBefore = access.records().size();
        Response warm = read.get();
        assertEquals(200, warm.statusCode(), warm.asString());
        assertEquals("Ada", warm.jsonPath().getString("body.card_holder.first_name"));
        assertEquals("Lovelace", warm.jsonPath().getString("body.card_holder.last_name"));
        assertEquals("3", awaitNewLine("/v1.0/cards/{card_ref}", linesBefore).getMdc("tx_calls"));
    }

    /** The statements the rate counters add to each request: none here, their limits are off in tests. */
    int rateCounterStatements() {
        return 0;
    }

    /** The operation once to warm it (caches, plans), then once counted. */
    private Work measure(String operation, String route, Supplier<Response> request) {
        assertEquals(200, request.get().statusCode());
        access.await(route);
        int linesBefore = access.records().size();
        logged.clear();
        CountingDriver.Counts before = CountingDriver.snapshot();
        Response r = request.get();
        ExtLogRecord line = awaitNewLine(route, linesBefore);
        CountingDriver.Counts work = CountingDriver.snapshot().minus(before);
        return new Work(operation, r.statusCode(), Integer.parseInt(line.getMdc("tx_calls")), work,
                List.copyOf(logged));
    }

    private ExtLogRecord awaitNewLine(String route, int linesBefore) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> access.records().stream().skip(linesBefore)
                        .filter(r -> route.equals(r.getMdc("route"))).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }
}
