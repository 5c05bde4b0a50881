package io.anygate.anytime.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.anytime.cards.MoneyInvariants.Card;
import io.anygate.anytime.cards.MoneyInvariants.JournalOp;
import io.anygate.anytime.cards.RestartLoad.Planned;
import io.anygate.anytime.cards.RestartLoad.Sent;
import io.anygate.testsupport.GatewayProcesses;
import io.anygate.testsupport.PostgresAvailability;
import io.anygate.testsupport.ProcessStore;
import io.anygate.testsupport.SignedHttp;
import io.anygate.testsupport.SimulatorHttp;
import io.anygate.testsupport.TestPartner;
import io.anygate.testsupport.WebhookReceiver;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 with a real crash, on the packaged jar: the standalone TX simulator fails a share of transfers (5xx,
 * held past the gateway's TX timeout, applied then dropped), 300 concurrent loads and unloads (half with an
 * Idempotency-Key) go to four cards of partner alpha, and a third of the way through the gateway process is
 * killed with SIGKILL and started again on the same store (PostgreSQL when reachable, else the sandbox's H2 file).
 * Once the faults stop, the restarted gateway's reconciler must resolve every operation, TX balances must equal
 * the opening balances plus the approved operations exactly, no money may appear or vanish, no matchKey may be
 * applied twice, every answer 200 must be an approved operation and every approved operation's
 * {@code card_last_tx} must reach the partner's webhook endpoint.
 */
class MoneyRestartIT {

    private static final TestPartner ALPHA = TestPartner.ALPHA;
    private static final int ACCOUNTS = 2, CARDS_PER_ACCOUNT = 2, OPERATIONS = 300, THREADS = 8;
    private static final int RESTART_AT = OPERATIONS / 3;
    private static final String CARD_OPENING = "200.00";
    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration SETTLED = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GatewayProcesses PROCESSES = new GatewayProcesses();

    private static Path work;
    private static ProcessStore store;
    private static WebhookReceiver receiver;
    private static SimulatorHttp sim;
    private static List<String> gatewayArgs;
    private static String base;
    private static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        GatewayProcesses.requirePackagedJar();
        work = Path.of("target/money-restart-it").toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work);
        // PostgreSQL when reachable (required with -Danygate.test.postgres=required), else the H2 file, which
        // survives the restart as the schema does.
        store = PostgresAvailability.reachable() ? ProcessStore.postgres("gw_restart")
                : ProcessStore.h2(work.resolve("data"));
        receiver = WebhookReceiver.start();
        adminToken = UUID.randomUUID().toString();

        int simPort = GatewayProcesses.freePort();
        Path simLog = work.resolve("txsim.log");
        Process simulator = PROCESSES.launch(work.resolve("txsim"), simLog, List.of("-Dquarkus.profile=txsim",
                "-Dquarkus.http.port=" + simPort, "-Dgateway.data-dir=" + work.resolve("txsim/data")));
        GatewayProcesses.awaitReady("http://localhost:" + simPort, simulator, simLog, READY);
        sim = new SimulatorHttp("http://localhost:" + simPort);

        int port = GatewayProcesses.freePort();
        base = "http://localhost:" + port;
        gatewayArgs = new ArrayList<>(List.of(
                "-Dquarkus.profile=sandbox",
                "-Dquarkus.http.port=" + port,
                "-Dgateway.data-dir=" + work.resolve("data"),
                "-Dgateway.txsim.enabled=false",
                "-Dgateway.tx.url=http://localhost:" + simPort,
                "-Dgateway.security.partners-file=" + GatewayProcesses.partnersFile(work, "alpha", receiver.url()),
                "-Dgateway.security.signing-key-file=" + GatewayProcesses.signingKey(work),
                "-Dgateway.admin.token=" + adminToken,
                // every pass soon after the restart rather than after production's intervals; the leases a
                // killed process leaves behind expire after 20 to 30 s instead of one or two minutes. The
                // reconciler's stale-after stays production's 30 s: longer than a transfer with its retries.
                "-Dgateway.money.reconciler.interval=1s",
                "-Dgateway.money.reconciler.lease=PT20S",
                "-Dgateway.webhook.dispatch-interval=1s",
                "-Dgateway.webhook.lease=PT20S",
                "-Dgateway.tx-follower.interval=2s",
                "-Dgateway.tx-follower.lease=PT20S",
                "-Dgateway.idempotency.in-flight-lease=PT30S",
                "-Dquarkus.shutdown.delay-enabled=false"));
        gatewayArgs.addAll(store.gatewayArgs());
    }

    @AfterAll
    static void stop() throws Exception {
        PROCESSES.close();
        if (receiver != null) {
            receiver.close();
        }
        if (store != null) {
            store.drop();
        }
    }

    @Test
    void aGatewayKilledMidFlightLosesNothingAndAppliesNothingTwice() throws Exception {
        Process first = startGateway("gateway-1");
        SignedHttp partner = new SignedHttp(base);
        String token = partner.token(ALPHA);
        List<Card> cards = openCards(partner, token);
        MoneyInvariants invariants = MoneyInvariants.opening(sim, cards);
        Instant chaosStart = Instant.now();

        // Deterministic shares (docs/tx-contract.md): rates chosen so that the three modes rarely pick the same call.
        sim.faults(Map.of("operation", "tran.account2account", "errorRate", 0.08, "timeoutRate", 0.03,
                "dropAfterCommitRate", 0.1));
        Process[] second = new Process[1];
        int[] leftByTheKill = new int[1];
        RestartLoad load = new RestartLoad(ALPHA, token, THREADS);
        List<Sent> sent = load.run(plan(cards), RESTART_AT, partner, () -> {
            kill(first);
            second[0] = startGateway("gateway-2");
            leftByTheKill[0] = unresolvedCount();
            return new SignedHttp(base);
        });
        JsonNode faultsSeen = sim.faults();
        sim.clearFaults();

        assertEquals(137, first.exitValue(), "the first gateway died of SIGKILL (128 + 9)");
        assertFalse(GatewayProcesses.read(work.resolve("gateway-1.log")).contains("stopped in"),
                "no orderly shutdown: the process was killed");
        assertFaultsFired(faultsSeen);
        summary(sent, leftByTheKill[0]);
        assertTrue(sent.stream().anyMatch(s -> !s.afterRestart() && s.status() < 0),
                "the kill cut requests in flight");
        assertTrue(sent.stream().filter(Sent::afterRestart).allMatch(s -> s.status() > 0),
                "the restarted gateway answered every request: " + errors(sent.stream().filter(Sent::afterRestart)));
        // A 5xx only as "not done" (no attempt reached TX: 5000010 saying so, docs/mapping.md), never a failure.
        assertTrue(sent.stream().noneMatch(s -> s.status() >= 500
                && (s.body() == null || !s.body().contains("nothing was done"))), "never a 5xx: " + statuses(sent));

        // Every operation resolved: the restarted gateway's reconciler finds what the killed one left.
        await("no unresolved operation in the journal (GET /admin/operations)", () -> unresolvedCount() == 0,
                () -> "");
        // A partner retries with its Idempotency-Key what got no answer: it learns the journaled outcome, and
        // nothing runs twice (checked with every other answer below).
        List<Sent> retried = retryUnanswered(load, sent);
        assertTrue(retried.stream().allMatch(r -> r.approved() || r.declined()), "a retry after recovery gets the"
                + " outcome: " + retried.stream().filter(Sent::unknown).toList());
        await("no unresolved operation after the retries", () -> unresolvedCount() == 0, () -> "");
        List<Long> approvedInTx = invariants.approvedInTx();
        await("a card_last_tx delivered for every transfer TX approved",
                () -> approvedInTx.stream().allMatch(id -> receiver.count("card_last_tx:" + id) > 0),
                () -> undelivered(approvedInTx));

        // The H2 file can be read once its process has stopped; PostgreSQL is read the same way for simplicity.
        second[0].destroy();
        assertTrue(second[0].waitFor(60, TimeUnit.SECONDS), "the restarted gateway stops on SIGTERM");
        List<JournalOp> chaos = invariants.journal(store, chaosStart);
        assertTrue(chaos.stream().noneMatch(JournalOp::unresolved), "unresolved in the journal: "
                + chaos.stream().filter(JournalOp::unresolved).toList());
        assertTrue(chaos.size() <= OPERATIONS, "more operations journaled than requested: " + chaos.size());
        List<JournalOp> approved = chaos.stream().filter(JournalOp::approved).toList();
        assertTrue(approved.size() > OPERATIONS / 3, "enough approvals to mean something: " + approved.size());

        invariants.answersMatchJournal(Stream.concat(sent.stream(), retried.stream()).toList(), chaos,
                ALPHA.partnerId());
        invariants.balances(approved);
        invariants.eachMatchKeyAppliedOnce(approved);
        MoneyInvariants.webhooks(approved, receiver);
        assertEquals(0, sim.stats().path("internalErrors").asInt(), "the simulator hit no bug of its own");
    }

    /** Two business accounts (sandbox opening balance), two virtual cards each with an initial load. */
    private static List<Card> openCards(SignedHttp partner, String token) throws Exception {
        List<Card> cards = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            JsonNode account = ok(partner.post("/v1.0/accounts", ALPHA, token, businessAccount(), null,
                    Duration.ofSeconds(60)));
            long accId = account.path("body").path("acc_id").asLong();
            for (int c = 0; c < CARDS_PER_ACCOUNT; c++) {
                String name = "CHAOS " + (char) ('A' + a) + (char) ('A' + c);
                Map<String, String> order = Map.of("acc_id", Long.toString(accId), "card_name", name,
                        "card_type", "VIRTUAL_MULTI_USE", "expiry_date", LocalDate.now().plusYears(1).toString(),
                        "amount", CARD_OPENING);
                String cardRef = ok(partner.post("/v1.0/cards", ALPHA, token, order, null, Duration.ofSeconds(60)))
                        .path("body").path("card_ref").asText();
                long cardId = Long.parseLong(cardRef.substring(3));
                long cardContract = sim.card(cardId).path("financialContract").path("id").asLong();
                cards.add(new Card(cardRef, cardId, cardContract, accId));
            }
        }
        return cards;
    }

    /**
     * Two loads for one unload, 1.00 to 20.99 each, round robin over the cards; every 25th is an unload far beyond
     * the card's balance (TX declines it); every second one carries an Idempotency-Key.
     */
    private static List<Planned> plan(List<Card> cards) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            Random random = new Random(i);
            Card card = cards.get(i % cards.size());
            boolean overdraw = i % 25 == 11;
            boolean credit = !overdraw && random.nextInt(3) != 0;
            BigDecimal amount = overdraw ? new BigDecimal("4999.00")
                    : BigDecimal.valueOf(100 + random.nextInt(2000), 2);
            plan.add(new Planned(i, card.cardRef(), credit, amount, i % 2 == 0 ? "restart-" + run + "-" + i : null));
        }
        return plan;
    }

    /**
     * Each keyed operation whose answer was lost, sent again with its key. A request cut by the kill left its key
     * claimed: the gateway answers 409 until the claim's lease ({@code gateway.idempotency.in-flight-lease}) ends.
     */
    private static List<Sent> retryUnanswered(RestartLoad load, List<Sent> sent) throws Exception {
        SignedHttp partner = new SignedHttp(base);
        List<Sent> retried = new ArrayList<>();
        for (Sent s : sent) {
            if (s.unknown() && s.planned().idempotencyKey() != null) {
                Sent first = load.retry(partner, s.planned());
                retried.add(first.status() != 409 ? first : Awaitility.await().atMost(SETTLED)
                        .pollInterval(Duration.ofMillis(500)).until(() -> load.retry(partner, s.planned()),
                                again -> again.status() != 409));
            }
        }
        System.out.printf("MoneyRestartIT: %d keyed requests without an answer retried: %s%n", retried.size(),
                statuses(retried));
        return retried;
    }

    private static Process startGateway(String name) throws Exception {
        Path log = work.resolve(name + ".log");
        Process p = PROCESSES.launch(work, log, gatewayArgs);
        GatewayProcesses.awaitReady(base, p, log, READY);
        return p;
    }

    /** {@code Process.destroyForcibly()}: SIGKILL on Linux, no shutdown hook, no drain. */
    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed gateway exits");
    }

    /** The simulator's deterministic shares: each fault mode hit some of the transfer calls. */
    private static void assertFaultsFired(JsonNode rules) {
        JsonNode rule = rules.get(0);
        long calls = rule.path("calls").asLong();
        int[] hits = new int[3];
        for (long n = 1; n <= calls; n++) {
            if (hits(n, rule.path("errorRate").asDouble())) {
                hits[0]++;
            } else if (hits(n, rule.path("timeoutRate").asDouble())) {
                hits[1]++;
            } else if (hits(n, rule.path("dropAfterCommitRate").asDouble())) {
                hits[2]++;
            }
        }
        System.out.printf("MoneyRestartIT: %d transfer calls, %d answered 5xx, %d held, %d applied then dropped%n",
                calls, hits[0], hits[1], hits[2]);
        assertTrue(hits[0] > 0 && hits[1] > 0 && hits[2] > 0, "every fault mode fired: " + rules);
    }

    private static boolean hits(long call, double rate) {
        return Math.floor(call * rate) > Math.floor((call - 1) * rate);
    }

    // ---- reading the gateway, the simulator and the store ----

    private static int unresolvedCount() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/admin/operations?limit=1000")).header("Authorization", "Bearer " + adminToken)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            return JSON.readTree(r.body()).size();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.uri() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Polls until {@code done}, at most {@link #SETTLED}; the failure says what was awaited and why it is not. */
    private static void await(String what, BooleanSupplier done, Supplier<String> diagnosis) {
        try {
            Awaitility.await().atMost(SETTLED).pollInterval(Duration.ofMillis(250)).until(done::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within " + SETTLED + ": " + what + "\n" + diagnosis.get());
        }
    }

    /** What the outbox (admin API) and the journal say about approved transfers whose webhook did not arrive. */
    private static String undelivered(List<Long> tranIds) {
        StringBuilder out = new StringBuilder();
        for (long id : tranIds) {
            if (receiver.count("card_last_tx:" + id) > 0) {
                continue;
            }
            out.append("TX transaction ").append(id).append(": outbox ");
            try {
                out.append(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/admin/webhooks/events/card_last_tx:" + id)).header("Authorization", "Bearer " + adminToken)
                        .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
                if (store.postgres()) {
                    out.append("; journal ").append(MoneyInvariants.readJournal(store).stream()
                            .filter(op -> Long.valueOf(id).equals(op.txTranId())).toList());
                }
            } catch (Exception e) {
                out.append(e);
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static void summary(List<Sent> sent, int leftByTheKill) {
        System.out.printf("MoneyRestartIT: store %s; %d operations unresolved at the restart; answers before the"
                + " kill %s, after %s%n", store, leftByTheKill,
                statuses(sent.stream().filter(s -> !s.afterRestart()).toList()),
                statuses(sent.stream().filter(Sent::afterRestart).toList()));
    }

    private static Map<Integer, Long> statuses(List<Sent> sent) {
        return sent.stream().collect(Collectors.groupingBy(Sent::status, TreeMap::new, Collectors.counting()));
    }

    private static String errors(Stream<Sent> sent) {
        return sent.filter(s -> s.status() < 0).map(Sent::error).distinct().limit(5).toList().toString();
    }

    private static Map<String, String> businessAccount() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("acc_type", "business");
        f.put("acc_currency", "EUR");
        f.put("user_gender", "F");
        f.put("user_first_name", "Alice");
        f.put("user_last_name", "Martin");
        f.put("user_dob", "1985-04-12");
        f.put("user_pob", "Lyon");
        f.put("user_email", "alice@example.com");
        f.put("user_mobile_number", "33600000001");
        f.put("user_addr_line_1", "1 rue de la Paix");
        f.put("user_addr_zip", "75002");
        f.put("user_addr_city", "Paris");
        f.put("user_addr_cc", "fr");
        f.put("user_nationality", "fr");
        f.put("corp_name", "Acme SA");
        f.put("corp_regnum", "B123456");
        f.put("corp_type", "SA");
        f.put("corp_activity", "Widgets");
        f.put("corp_addr_line_1", "2 avenue Louise");
        f.put("corp_addr_zip", "1050");
        f.put("corp_addr_city", "Bruxelles");
        f.put("corp_addr_cc", "be");
        return f;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
