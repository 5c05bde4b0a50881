package io.anygate.webhook;

import io.anygate.store.JdbcWebhookOutbox;
import io.anygate.store.JdbcWebhookEndpoints;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** Test fixtures: a migrated store of its own, partner targets, events, and dispatchers built like the real one. */
final class WebhookBench implements AutoCloseable {

    /** The dispatcher's batch: small, so that tests can cross batch boundaries with a few events. */
    static final int BATCH = 50;
    /** Deliveries side by side, as the gateway's default. */
    static final int PARALLELISM = 8;

    final DataSource dataSource;
    final Map<String, WebhookTarget> targets = new ConcurrentHashMap<>();
    final EphemeralDeliverySigner signer = new EphemeralDeliverySigner();
    final Vertx vertx = Vertx.vertx();
    final OutboxRepository outbox;
    int failureThreshold = 5;
    Duration pause = Duration.ofMinutes(10);
    List<Duration> schedule = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));
    double jitter = 0;
    Duration lease = Duration.ofMinutes(2);

    WebhookBench(DataSource dataSource) {
        this.dataSource = dataSource;
        this.outbox = new JdbcWebhookOutbox(dataSource);
    }

    /** A fresh in-memory H2 store (PostgreSQL mode, like the gateway's) with every migration applied. */
    static WebhookBench h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:wh" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new WebhookBench(ds);
    }

    WebhookDispatcher dispatcher(String owner, Clock clock) {
        return dispatcher(owner, clock, HostResolver.SYSTEM);
    }

    WebhookDispatcher dispatcher(String owner, Clock clock, HostResolver resolver) {
        return dispatcher(owner, clock, resolver, p -> Optional.ofNullable(targets.get(p)), null);
    }

    /** A dispatcher with its own view of the partners and, in sandbox mode, the inbox. */
    WebhookDispatcher dispatcher(String owner, Clock clock, HostResolver resolver, WebhookTargets partners,
            WebhookTransport inbox) {
        // Generous timeouts: the receiver answers at once, and a loaded shared machine must not turn into retries.
        HttpTransport http = new HttpTransport(vertx, new TargetPolicy(resolver, false), Duration.ofSeconds(15),
                Duration.ofSeconds(30));
        return new WebhookDispatcher(outbox, partners, signer, http, inbox,
                new RetryPolicy(schedule, jitter, new Random(7)), circuit(), clock, owner, BATCH, lease,
                Duration.ofSeconds(30), PARALLELISM, WebhookDispatcher.DeliveryListener.NONE);
    }

    EndpointCircuit circuit() {
        return new EndpointCircuit(new JdbcWebhookEndpoints(dataSource), failureThreshold, pause);
    }

    boolean enqueue(WebhookEvent e, Clock clock) {
        return outbox.insert(e, clock.instant());
    }

    /** The documented example transaction, with the given txid. */
    static WebhookEvent cardLastTx(String partnerId, String txid) {
        return WebhookEvent.cardLastTx(partnerId, CardLastTx.of("ANY0000000000", "xxx",
                CardLastTx.Transaction.of(txid, "5942", new BigDecimal("98.32"), new BigDecimal("98.32"), "EUR",
                        BigDecimal.ONE, BigDecimal.ZERO, "S", "D", BigDecimal.ZERO,
                        LocalDateTime.of(2017, 2, 2, 14, 14, 48),
                        "FNAC DIRECT - RUE DES BATEAUX LAVOIRS, IVRY SUR SEIN,94768,FRA,FRA")),
                Instant.parse("2017-02-02T13:14:48Z"));
    }

    @Override
    public void close() {
        vertx.close();
    }
}
