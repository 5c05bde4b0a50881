package io.anygate.anytime;

import io.anygate.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Envelope {@code request_id}s, unique across replicas: each replica takes a block of {@value #BLOCK} numbers
 * from the store sequence (which increments by the same step) and hands them out from memory.
 */
@ApplicationScoped
public class RequestIds {

    static final int BLOCK = 100;

    @Inject
    Store store;

    private long next;
    private long limit;

    public synchronized long next() {
        if (next >= limit) {
            try (Connection c = store.dataSource().getConnection();
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT nextval('anytime_request_id_seq')")) {
                rs.next();
                next = rs.getLong(1);
                limit = next + BLOCK;
            } catch (SQLException e) {
                throw new IllegalStateException("request id sequence unavailable", e);
            }
        }
        return next++;
    }
}
