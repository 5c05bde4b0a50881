package io.anygate.store;

import static io.anygate.store.Jdbc.instant;
import static io.anygate.store.Jdbc.zoned;

import io.anygate.webhook.EndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link EndpointRepository} in {@code webhook_endpoint}, each statement on a pooled connection of its own. */
@ApplicationScoped
public class JdbcWebhookEndpoints implements EndpointRepository {

    private static final String WHAT = "webhook endpoints";
    private static final String COLUMNS = "id, url, consecutive_failures, paused_until, probe_lease_until, last_error,"
            + " updated_at";

    private final Jdbc.Connections own;

    @Inject
    public JdbcWebhookEndpoints(Store store) {
        this.own = () -> store.dataSource().getConnection();
    }

    /** On a datasource of its own (tests). */
    public JdbcWebhookEndpoints(DataSource dataSource) {
        this.own = dataSource::getConnection;
    }

    @Override
    public void register(String url, Instant now) {
        Jdbc.update(own, WHAT, "INSERT INTO webhook_endpoint (url, consecutive_failures, updated_at) VALUES (?, 0, ?)"
                + " ON CONFLICT DO NOTHING", url, zoned(now));
    }

    @Override
    public boolean takeProbe(String url, String owner, Instant now, Instant leaseUntil) {
        return Jdbc.update(own, WHAT, "UPDATE webhook_endpoint SET probe_by = ?, probe_lease_until = ? WHERE url = ?"
                + " AND paused_until IS NOT NULL AND paused_until <= ?"
                + " AND (probe_lease_until IS NULL OR probe_lease_until < ?)",
                owner, zoned(leaseUntil), url, zoned(now), zoned(now)) == 1;
    }

    @Override
    public void close(String url, Instant now) {
        Jdbc.update(own, WHAT, "UPDATE webhook_endpoint SET consecutive_failures = 0, paused_until = NULL,"
                + " probe_by = NULL, probe_lease_until = NULL, last_error = NULL, updated_at = ? WHERE url = ?",
                zoned(now), url);
    }

    @Override
    public void fail(String url, int threshold, Instant pausedUntil, String error, Instant now) {
        Jdbc.update(own, WHAT, "UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1,"
                + " paused_until = CASE WHEN consecutive_failures + 1 >= ? THEN ? ELSE paused_until END,"
                + " probe_by = NULL, probe_lease_until = NULL, last_error = ?, updated_at = ? WHERE url = ?",
                threshold, zoned(pausedUntil), error == null || error.length() <= 500 ? error : error.substring(0, 500),
                zoned(now), url);
    }

    @Override
    public void releaseProbe(String url, String owner) {
        Jdbc.update(own, WHAT, "UPDATE webhook_endpoint SET probe_by = NULL, probe_lease_until = NULL WHERE url = ?"
                + " AND probe_by = ?", url, owner);
    }

    @Override
    public Optional<EndpointState> find(String url) {
        return list("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE url = ?", url).stream().findFirst();
    }

    @Override
    public Optional<EndpointState> find(long id) {
        return list("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<EndpointState> paused() {
        return list("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE paused_until IS NOT NULL ORDER BY paused_until");
    }

    private List<EndpointState> list(String sql, Object... args) {
        return Jdbc.list(own, WHAT, sql, rs -> new EndpointState(rs.getLong(1), rs.getString(2), rs.getInt(3),
                instant(rs, 4), instant(rs, 5), rs.getString(6), instant(rs, 7)), args);
    }
}
