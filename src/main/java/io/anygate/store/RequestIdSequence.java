package io.anygate.store;

import io.anygate.anytime.RequestIdBlocks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store sequence behind envelope {@code request_id}s ({@code anytime_request_id_seq}). It increments by the
 * size of the block each replica takes, so one call reserves a whole block for this replica.
 */
@ApplicationScoped
public class RequestIdSequence implements RequestIdBlocks {

    @Inject
    Store store;

    /** The first number of the next block, unique across replicas. */
    @Override
    public long nextBlock() {
        try (Connection c = store.dataSource().getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT nextval('anytime_request_id_seq')")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("request id sequence unavailable", e);
        }
    }
}
