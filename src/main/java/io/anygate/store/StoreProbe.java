package io.anygate.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;

/** Whether the active store hands out a valid connection in time: what readiness asks, without JDBC of its own. */
@ApplicationScoped
public class StoreProbe {

    @Inject
    Store store;

    /**
     * One check, outside any unit of work.
     *
     * @param up the store answered within the time given
     * @param kind which database the store runs on
     * @param failure why it could not be asked (the exception's simple class name), or null
     * @param detail the exception's message, for the log, or null
     */
    public record Answer(boolean up, Store.Kind kind, String failure, String detail) {
    }

    /** Takes a pooled connection and asks the driver whether it is valid within {@code within} (whole seconds). */
    public Answer check(Duration within) {
        Store.Kind kind = store.kind();
        try (Connection c = store.dataSource().getConnection()) {
            return new Answer(c.isValid((int) Math.max(1, within.toSeconds())), kind, null, null);
        } catch (Exception e) {
            return new Answer(false, kind, e.getClass().getSimpleName(), e.getMessage());
        }
    }
}
