package io.anygate.webhook;

import io.anygate.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Where the rest of the gateway hands webhooks over. Enqueuing is durable (the store) and idempotent on the event id;
 * the dispatcher delivers later, at least once. Use {@link #enqueue(Connection, WebhookEvent)} inside your own
 * transaction so that an operation's outcome and its webhook are committed together.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final Store store;
    private final Clock clock;

    @Inject
    public WebhookOutbox(Store store) {
        this(store, Clock.systemUTC());
    }

    WebhookOutbox(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Enqueues on a connection of its own; true when the event is new, false when it was already enqueued. */
    public boolean enqueue(WebhookEvent event) {
        try (Connection c = store.dataSource().getConnection()) {
            return enqueue(c, event);
        } catch (SQLException e) {
            throw new IllegalStateException("webhook outbox unavailable", e);
        }
    }

    /**
     * Records that the {@code card_last_tx} event of TX transaction {@code tranId} on a card is owed, without
     * building it: one INSERT, no TX call, so an approval costs the partner's request nothing more. The event id is
     * the built event's ({@code card_last_tx:{txid}}); {@link CardLastTxBuilder} makes the payload later. True when
     * the event is new, false when it was already recorded or enqueued (by the follower, or a racing resolver).
     * Joins the unit of work open on this thread ({@link io.anygate.domain.operation.UnitOfWork}), so that an approval
     * and its webhook commit together.
     */
    public boolean enqueueBuild(String partnerId, long cardId, long tranId) {
        try (Connection c = store.connection()) {
            return OutboxRepository.insertBuild(c, WebhookEvent.cardLastTxId(Long.toString(tranId)), partnerId,
                    CardLastTx.METHOD, cardId, tranId, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("webhook outbox unavailable", e);
        }
    }

    /**
     * Enqueues on the caller's connection, inside the caller's transaction (neither committed nor rolled back here).
     * A duplicate event id is a no-op and does not abort the transaction. True when the event is new.
     */
    public boolean enqueue(Connection connection, WebhookEvent event) throws SQLException {
        return OutboxRepository.insert(connection, event, clock.instant());
    }
}
