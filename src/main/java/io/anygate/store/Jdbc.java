package io.anygate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC plumbing the repositories share: binding arguments, the one way the schema stores time (TIMESTAMP WITH TIME ZONE), and one
 * statement on a connection of its own with a store failure as {@link StoreException}.
 */
final class Jdbc {

    private Jdbc() {
    }

    /** Where a repository takes its connections: the store's ({@link Store#connection()}), or a test's datasource. */
    @FunctionalInterface
    interface Connections {
        Connection get() throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Statements made on one connection, in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection of its own (outside a unit of work) in one local transaction: committed when
     * the work returns, rolled back when it throws; a store failure as {@link StoreException} with {@code failure}.
     */
    static <T> T inOneCommit(Connections connections, String failure, Work<T> work) {
        try (Connection c = connections.get()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(failure, e);
        }
    }

    /** Binds {@code args} to the statement's parameters in order. */
    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    /** An instant for a {@code TIMESTAMP WITH TIME ZONE} column (null stays null). */
    static OffsetDateTime zoned(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant (null stays null). */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The rows of one query on a connection of its own; {@code what} names the store part in a failure. */
    static <T> List<T> list(Connections connections, String what, String sql, Row<T> row, Object... args) {
        try (Connection c = connections.get(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(what + " unavailable", e);
        }
    }

    /** One query's single row (an aggregate, a sequence value). */
    static <T> T one(Connections connections, String what, String sql, Row<T> row, Object... args) {
        return list(connections, what, sql, row, args).get(0);
    }

    /** One update on a connection of its own; answers the rows changed. */
    static int update(Connections connections, String what, String sql, Object... args) {
        try (Connection c = connections.get(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(what + " unavailable", e);
        }
    }
}
