package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.operation.UnitOfWork;
import io.anygate.webhook.OutboxEntry;
import io.anygate.webhook.OutboxRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The store's units of work are JTA transactions on the active datasource (docs/architecture.md, Transactions). */
@QuarkusTest
class StoreTransactionsTest {

    @Inject
    UnitOfWork units;

    @Inject
    Store store;

    @Inject
    OutboxRepository outbox;

    @Inject
    TransactionManager transactions;

    @Inject
    Vertx vertx;

    @Inject
    StoreProbe probe;

    private final Instant now = Instant.now();

    @Test
    void aUnitIsOneJtaTransactionThatEveryConnectionOfTheThreadJoins() throws Exception {
        assertEquals(Status.STATUS_NO_TRANSACTION, transactions.getStatus(), "no transaction outside a unit");
        long card = ThreadLocalRandom.current().nextLong(100_000_000, 900_000_000);
        units.inOne(() -> {
            assertEquals(Status.STATUS_ACTIVE, status());
            assertTrue(outbox.insertBuild("card_last_tx:tx-" + card, "partner-t", "card_last_tx", card, 1, now));
            // A connection taken straight from the datasource is the unit's too: it reads the unit's write.
            assertTrue(countOn(card) == 1, "the datasource's connection joins the unit");
            assertTrue(CompletableFuture.supplyAsync(() -> find(card)).join().isEmpty(),
                    "another thread does not see it before the commit");
            return null;
        });
        assertEquals(Status.STATUS_NO_TRANSACTION, transactions.getStatus());
        assertTrue(find(card).isPresent());
    }

    @Test
    void aUnitsConnectionRefusesToEndTheUnitHalfWay() {
        units.inOne(() -> {
            try (Connection c = store.connection()) {
                assertThrows(SQLException.class, c::commit);
                assertThrows(SQLException.class, () -> c.setAutoCommit(true));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    @Test
    void anInnerUnitThatThrowsDoomsTheOuterOneEvenWhenTheOuterCatches() {
        long card = ThreadLocalRandom.current().nextLong(100_000_000, 900_000_000);
        StoreException e = assertThrows(StoreException.class, () -> units.inOne(() -> {
            outbox.insertBuild("card_last_tx:outer-" + card, "partner-t", "card_last_tx", card, 1, now);
            try {
                units.inOne(() -> {
                    outbox.insertBuild("card_last_tx:inner-" + card, "partner-t", "card_last_tx", card, 2, now);
                    throw new IllegalStateException("the inner unit fails");
                });
            } catch (IllegalStateException expected) {
                // swallowed: the outer unit must still not commit half of the work
            }
            return null;
        }));
        assertTrue(e.getMessage().contains("committing"), e.getMessage());
        assertEquals(0, countOn(card), "neither write committed");
    }

    @Test
    void aUnitIsRefusedOnAnEventLoop() throws Exception {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(v -> {
            try {
                units.inOne(() -> null);
                refused.complete(null);
            } catch (Throwable t) {
                refused.complete(t);
            }
        });
        assertInstanceOf(IllegalStateException.class, refused.get(30, TimeUnit.SECONDS));
    }

    @Test
    void readinessAsksTheStoreThroughItsProbe() {
        StoreProbe.Answer a = probe.check(Duration.ofSeconds(1));
        assertTrue(a.up());
        assertEquals(Store.Kind.H2, a.kind());
        assertFalse(a.failure() != null);
    }

    private int status() {
        try {
            return transactions.getStatus();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<OutboxEntry> find(long card) {
        return outbox.find("card_last_tx:tx-" + card);
    }

    private int countOn(long card) {
        try (Connection c = store.dataSource().getConnection();
             var ps = c.prepareStatement("SELECT count(*) FROM webhook_outbox WHERE card_id = ?")) {
            ps.setLong(1, card);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
