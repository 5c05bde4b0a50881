package io.anygate.webhook;

import io.anygate.store.JdbcSandboxInbox;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.testsupport.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher against a real HTTP receiver on 127.0.0.1 and a store of its own; time moves by hand. */
class WebhookDispatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private WebhookBench bench;
    private Receiver receiver;

    @BeforeEach
    void setUp() {
        bench = WebhookBench.h2();
    }

    @AfterEach
    void tearDown() {
        if (receiver != null) {
            receiver.close();
        }
        bench.close();
    }

    private void partner(String id, String url) {
        bench.targets.put(id, new WebhookTarget(url, id + "-api", true));
    }

    @Test
    void deliversOnceInTheDocumentedShapeWithAHashTheSdkAccepts() throws Exception {
        receiver = Receiver.start(0);
        partner("acme", receiver.url());
        WebhookDispatcher dispatcher = bench.dispatcher("one", clock);
        bench.enqueue(WebhookBench.cardLastTx("acme", "11111111111"), clock);

        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(0, dispatcher.dispatchDue());

        assertEquals(1, receiver.received.size());
        Receiver.Received r = receiver.received.get(0);
        assertEquals("card_last_tx:11111111111", r.header("X-Webhook-Event-Id"));
        assertEquals("application/json", r.header("Content-Type"));
        JsonNode env = JSON.readTree(r.body());
        List<String> keys = new ArrayList<>();
        env.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("request_id", "type_response", "body", "timestamp", "hash"), keys);
        assertTrue(env.get("request_id").isIntegralNumber());
        assertEquals("async", env.get("type_response").asText());
        assertEquals(String.valueOf(clock.instant().getEpochSecond()), env.get("timestamp").asText());
        // The SDK's check: hash('sha256', (string)$timestamp . '|' . $username)
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((env.get("timestamp").asText() + "|acme-api").getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, env.get("hash").asText());
        JsonNode documented = JSON.readTree("""
                {"method":"card_last_tx","card_ref":"ANY0000000000","acc_id":"xxx","transaction":{
                "txid":"11111111111","mcc":"5942","amount":98.32,"amount_fx":98.32,"currency":"EUR","fx":"1.000000",
                "fx_fee":0,"status":"S","type":"D","balance_after":"0.00","date":"2017-02-02 14:14:48",
                "description":"FNAC DIRECT - RUE DES BATEAUX LAVOIRS, IVRY SUR SEIN,94768,FRA,FRA"}}""");
        assertEquals(documented, env.get("body"));

        Signature verify = Signature.getInstance("Ed25519");
        verify.initVerify(bench.signer.publicKey());
        verify.update(r.body().getBytes(StandardCharsets.UTF_8));
        assertTrue(verify.verify(Base64.getDecoder().decode(r.header("X-Gateway-Signature"))));

        OutboxEntry stored = bench.outbox.find("card_last_tx:11111111111").orElseThrow();
        assertEquals(OutboxRepository.DELIVERED, stored.status());
        assertEquals(1, stored.attempts());
    }

    @Test
    void nothingIsRoutedBeforeThePartnersAreLoaded() throws Exception {
        // A restarted sandbox gateway: the scheduler's first pass can come before the partners file is read, when
        // every partner looks unknown, and an unknown partner's webhooks go to the sandbox inbox, delivered for good.
        receiver = Receiver.start(0);
        partner("acme", receiver.url());
        AtomicBoolean loaded = new AtomicBoolean();
        WebhookTargets registry = new WebhookTargets() {
            @Override
            public Optional<WebhookTarget> forPartner(String partnerId) {
                return loaded.get() ? Optional.ofNullable(bench.targets.get(partnerId)) : Optional.empty();
            }

            @Override
            public boolean ready() {
                return loaded.get();
            }
        };
        WebhookDispatcher dispatcher = bench.dispatcher("one", clock, HostResolver.SYSTEM, registry,
                new SandboxInbox(new JdbcSandboxInbox(bench.dataSource), clock));
        bench.enqueue(WebhookBench.cardLastTx("acme", "31"), clock);

        assertEquals(0, dispatcher.dispatchDue());
        OutboxEntry waiting = bench.outbox.find("card_last_tx:31").orElseThrow();
        assertEquals(OutboxRepository.PENDING, waiting.status());
        assertEquals(0, waiting.attempts());

        loaded.set(true);
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(1, receiver.count("card_last_tx:31"), "delivered to the partner's URL, not the inbox");
        assertEquals(receiver.url(), bench.outbox.find("card_last_tx:31").orElseThrow().endpoint());
    }

    @Test
    void duplicateEnqueueIsOneEvent() {
        assertTrue(bench.enqueue(WebhookBench.cardLastTx("acme", "42"), clock));
        assertFalse(bench.enqueue(WebhookBench.cardLastTx("acme", "42"), clock));
        assertEquals(1, bench.outbox.backlog().pending());
    }

    @Test
    void onePassDeliversABacklogLargerThanABatchEachEventOnce() throws Exception {
        receiver = Receiver.start(0);
        partner("acme", receiver.url());
        WebhookDispatcher dispatcher = bench.dispatcher("one", clock);
        int backlog = 2 * WebhookBench.BATCH + 7;
        for (int i = 0; i < backlog; i++) {
            bench.enqueue(WebhookBench.cardLastTx("acme", "bk" + i), clock);
        }

        assertEquals(backlog, dispatcher.dispatchDue(), "batch after batch in one pass");
        assertEquals(backlog, receiver.received.size());
        for (int i = 0; i < backlog; i++) {
            assertEquals(1, receiver.count("card_last_tx:bk" + i));
        }
        assertEquals(0, dispatcher.dispatchDue());
    }

    @Test
    void aSlowPartnerDoesNotHoldUpTheOthersAndEachPartnersEventsGoInOrder() throws Exception {
        receiver = Receiver.start(300);
        List<String> partners = List.of("p1", "p2", "p3", "p4");
        for (String p : partners) {
            partner(p, receiver.url());
        }
        WebhookDispatcher dispatcher = bench.dispatcher("one", clock);
        for (int i = 0; i < 3; i++) {
            for (String p : partners) {
                bench.enqueue(WebhookBench.cardLastTx(p, p + "-" + i), clock);
            }
        }

        assertEquals(12, dispatcher.dispatchDue());
        assertEquals(12, receiver.received.size());
        assertTrue(receiver.maxConcurrent.get() > 1, "partners one at a time: " + receiver.maxConcurrent.get());
        assertTrue(receiver.maxConcurrent.get() <= partners.size(), "one delivery at a time per partner");
        assertEquals(1, receiver.maxConcurrentPerEvent.get(), "never one event twice at once");
        for (String p : partners) {
            List<String> order = receiver.received.stream().map(Receiver.Received::eventId)
                    .filter(id -> id.startsWith("card_last_tx:" + p + "-")).toList();
            assertEquals(List.of("card_last_tx:" + p + "-0", "card_last_tx:" + p + "-1", "card_last_tx:" + p + "-2"),
                    order, "a partner's events in order");
        }
    }

    @Test
    void receiverDownForAWhileThenUpGetsEverythingOnce() throws Exception {
        receiver = Receiver.down();
        bench.failureThreshold = 100;
        partner("acme", receiver.url());
        WebhookDispatcher dispatcher = bench.dispatcher("one", clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            WebhookEvent e = WebhookBench.cardLastTx("acme", "tx" + i);
            bench.enqueue(e, clock);
            ids.add(e.eventId());
        }
        assertEquals(5, dispatcher.dispatchDue());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(5, dispatcher.dispatchDue());
        for (String id : ids) {
            OutboxEntry e = bench.outbox.find(id).orElseThrow();
            assertEquals(OutboxRepository.PENDING, e.status());
            assertEquals(2, e.attempts());
            assertNotNull(e.lastError());
        }

        receiver.up();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(5, dispatcher.dispatchDue());
        clock.advance(Duration.ofHours(2));
        assertEquals(0, dispatcher.dispatchDue());
        for (String id : ids) {
            assertEquals(1, receiver.count(id), id);
            assertEquals(OutboxRepository.DELIVERED, bench.outbox.find(id).orElseThrow().status());
        }
        assertEquals(5, receiver.received.size());
    }

    @Test
    void retriesFollowTheScheduleThenTheEventFails() throws Exception {
        receiver = Receiver.start(0);
        receiver.status.set(500);
        bench.failureThreshold = 100;
        partner("acme", receiver.url());
        WebhookDispatcher dispatcher = bench.dispatcher("one", clock);
        bench.enqueue(WebhookBench.cardLastTx("acme", "9"), clock);

        Instant start = clock.instant();
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(start.plus(Duration.ofMinutes(1)), entry().nextAttemptAt());
        assertEquals(500, entry().lastStatus());
        clock.advance(Duration.ofSeconds(59));
        assertEquals(0, dispatcher.dispatchDue());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), entry().nextAttemptAt());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(clock.instant().plus(Duration.ofHours(1)), entry().nextAttemptAt());
        clock.advance(Duration.ofHours(1));
        assertEquals(1, dispatcher.dispatchDue());

        assertEquals(OutboxRepository.FAILED, entry().status());
        assertEquals(4, entry().attempts());
        assertEquals(List.of("card_last_tx:9"), bench.outbox.failed(10).stream().map(OutboxEntry::eventId).toList());
        clock.advance(Duration.ofDays(2));
        assertEquals(0, dispatcher.dispatchDue());
        assertEquals(4, receiver.received.size());

        // An operator redelivers it: a fresh schedule, and the receiver (now healthy) gets it.
        receiver.status.set(204);
        assertTrue(bench.outbox.redeliver("card_last_tx:9", clock.instant()));
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(OutboxRepository.DELIVERED, entry().status());
    }

    @Test
    void anEndpointThatKeepsFailingIsPausedThenProbedThenResumed() throws Exception {
        receiver = Receiver.start(0);
        receiver.status.set(503);
        bench.failureThreshold = 3;
        partner("acme", receiver.url());
        WebhookDispatcher dispatcher = bench.dispatcher("one", clock);
        for (int i = 0; i < 6; i++) {
            bench.enqueue(WebhookBench.cardLastTx("acme", "p" + i), clock);
        }

        assertEquals(3, dispatcher.dispatchDue());
        assertEquals(3, receiver.received.size());
        EndpointRepository.EndpointState state = bench.circuit().find(receiver.url()).orElseThrow();
        assertEquals(clock.instant().plus(bench.pause), state.pausedUntil());
        assertEquals(1, bench.circuit().paused().size());

        // Retries fall due during the pause: nothing is sent.
        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, dispatcher.dispatchDue());
        assertEquals(3, receiver.received.size());

        // Pause over, still failing: exactly one probe, then paused again.
        clock.advance(Duration.ofMinutes(5));
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(4, receiver.received.size());
        assertNotNull(bench.circuit().find(receiver.url()).orElseThrow().pausedUntil());

        // Next pause over and the receiver is back: the probe succeeds and the rest follows at once.
        receiver.status.set(200);
        clock.advance(Duration.ofMinutes(10));
        assertEquals(6, dispatcher.dispatchDue());
        assertNull(bench.circuit().find(receiver.url()).orElseThrow().pausedUntil());
        for (int i = 0; i < 6; i++) {
            assertEquals(OutboxRepository.DELIVERED, bench.outbox.find("card_last_tx:p" + i).orElseThrow().status());
        }
    }

    @Test
    void anOperatorResumesAPausedEndpoint() throws Exception {
        receiver = Receiver.start(0);
        receiver.status.set(500);
        bench.failureThreshold = 2;
        partner("acme", receiver.url());
        WebhookDispatcher dispatcher = bench.dispatcher("one", clock);
        for (int i = 0; i < 4; i++) {
            bench.enqueue(WebhookBench.cardLastTx("acme", "r" + i), clock);
        }
        assertEquals(2, dispatcher.dispatchDue());
        long id = bench.circuit().paused().get(0).id();

        receiver.status.set(200);
        assertEquals(receiver.url(), bench.circuit().resume(id, clock.instant()).orElseThrow());
        bench.outbox.pullForward(receiver.url(), clock.instant());
        assertEquals(4, dispatcher.dispatchDue());
        assertTrue(bench.circuit().paused().isEmpty());
    }

    @Test
    void pendingEventsSurviveARestartAndAStaleClaim() throws Exception {
        receiver = Receiver.down();
        partner("acme", receiver.url());
        bench.enqueue(WebhookBench.cardLastTx("acme", "s1"), clock);
        bench.enqueue(WebhookBench.cardLastTx("acme", "s2"), clock);
        assertEquals(2, bench.dispatcher("before-restart", clock).dispatchDue());
        // A replica took s2 and died mid-delivery: its lease still runs.
        clock.advance(Duration.ofMinutes(1));
        OutboxEntry s2 = bench.outbox.find("card_last_tx:s2").orElseThrow();
        assertTrue(bench.outbox.claim(s2.id(), "dead-replica", clock.instant(), clock.instant().plus(bench.lease)));

        receiver.up();
        WebhookDispatcher fresh = bench.dispatcher("after-restart", clock);
        assertEquals(1, fresh.dispatchDue());
        assertEquals(1, receiver.count("card_last_tx:s1"));
        assertEquals(0, receiver.count("card_last_tx:s2"));

        clock.advance(bench.lease.plusSeconds(1));
        assertEquals(1, fresh.dispatchDue());
        assertEquals(1, receiver.count("card_last_tx:s2"));
        assertEquals(0, bench.outbox.backlog().pending());
    }

    @Test
    void aPartnerWithoutUrlWaitsAndIsRetried() {
        bench.targets.put("nourl", new WebhookTarget(null, "nourl-api", false));
        bench.enqueue(WebhookBench.cardLastTx("nourl", "n1"), clock);
        assertEquals(1, bench.dispatcher("one", clock).dispatchDue());
        OutboxEntry e = bench.outbox.find("card_last_tx:n1").orElseThrow();
        assertEquals(OutboxRepository.PENDING, e.status());
        assertEquals("no webhook URL registered for partner", e.lastError());
    }

    private OutboxEntry entry() {
        return bench.outbox.find("card_last_tx:9").orElseThrow();
    }

    @Test
    void aSlowPartnersBacklogDoesNotHoldUpTheOtherPartners() throws Exception {
        try (Receiver slow = Receiver.start(400); Receiver fast = Receiver.start(0)) {
            partner("slow", slow.url());
            partner("fast", fast.url());
            // The slow partner's backlog (its endpoint answers 2xx in 400 ms: never a failure, its circuit stays
            // closed), all due before the fast partner's one event: oldest first, a batch is all the slow partner's.
            for (int i = 0; i < 60; i++) {
                bench.enqueue(WebhookBench.cardLastTx("slow", "s" + i), Clock.systemUTC());
            }
            bench.enqueue(WebhookBench.cardLastTx("fast", "f0"), Clock.systemUTC());
            WebhookDispatcher dispatcher = bench.dispatcher("one", Clock.systemUTC());
            CompletableFuture<Integer> pass = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> fast.count("card_last_tx:f0") > 0);
            int slowBefore = slow.received.size();
            pass.get();
            assertTrue(slowBefore < 60, "the fast partner's event waited behind the slow partner's whole backlog ("
                    + slowBefore + " of 60 delivered before it)");
            // The slow partner's events still go out in order.
            List<String> ids = slow.received.stream().map(r -> r.header("X-Webhook-Event-Id")).toList();
            for (int i = 0; i < ids.size(); i++) {
                assertEquals("card_last_tx:s" + i, ids.get(i));
            }
        }
    }

    @Test
    void anEventBeingDeliveredIsNotRedeliveredOnTopOfItself() throws Exception {
        receiver = Receiver.start(1500);
        partner("acme", receiver.url());
        bench.enqueue(WebhookBench.cardLastTx("acme", "rd1"), Clock.systemUTC());
        WebhookDispatcher a = bench.dispatcher("replica-a", Clock.systemUTC());
        WebhookDispatcher b = bench.dispatcher("replica-b", Clock.systemUTC());
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(a::dispatchDue);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> receiver.maxConcurrent.get() > 0);
        assertFalse(bench.outbox.redeliver("card_last_tx:rd1", Instant.now()), "refused while in flight");
        assertEquals(0, b.dispatchDue());
        assertEquals(1, first.get());
        assertEquals(1, receiver.maxConcurrentPerEvent.get());
        assertEquals("DELIVERED", bench.outbox.find("card_last_tx:rd1").orElseThrow().status(),
                "the first attempt's outcome is kept");
        assertTrue(bench.outbox.redeliver("card_last_tx:rd1", Instant.now()), "once delivered, it may be sent again");
    }

    @Test
    void aClaimFromAnOutdatedReadDoesNotSendARetryBeforeItIsDue() {
        bench.enqueue(WebhookBench.cardLastTx("acme", "st1"), clock);
        OutboxEntry read = bench.outbox.findDue(clock.instant(), 10).get(0);
        // Another replica attempts it meanwhile, fails, and schedules the retry a minute later.
        assertTrue(bench.outbox.claim(read.id(), "b", clock.instant(), clock.instant().plus(Duration.ofMinutes(2))));
        bench.outbox.finish(read.id(), "b", new OutboxRepository.Attempt(OutboxRepository.PENDING, clock.instant(),
                clock.instant().plus(Duration.ofMinutes(1)), 503, "503", 1L, "http://x"));
        clock.advance(Duration.ofSeconds(1));
        assertFalse(bench.outbox.claim(read.id(), "a", clock.instant(), clock.instant().plus(Duration.ofMinutes(2))));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(bench.outbox.claim(read.id(), "a", clock.instant(), clock.instant().plus(Duration.ofMinutes(2))));
    }
}
