package io.anygate.webhook;

import static io.anygate.webhook.OutboxRepository.bind;
import static io.anygate.webhook.OutboxRepository.instant;
import static io.anygate.webhook.OutboxRepository.ts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A circuit per endpoint URL, kept in {@code webhook_endpoint} so that every replica sees it: after
 * {@code threshold} consecutive failed deliveries the endpoint is paused; when the pause is over exactly one replica
 * wins the right to send one probe delivery, whose outcome closes the circuit or pauses it again.
 */
public class EndpointCircuit {

    private final DataSource dataSource;
    private final int threshold;
    private final Duration pause;

    public EndpointCircuit(DataSource dataSource, int threshold, Duration pause) {
        this.dataSource = dataSource;
        this.threshold = threshold;
        this.pause = pause;
    }

    /** What a dispatcher may do with an endpoint now. */
    public sealed interface Gate permits Open, Probe, Paused {
    }

    /** Deliver normally. */
    public record Open() implements Gate {
    }

    /** Deliver one probe; this replica holds the probe until {@code leaseUntil}. */
    public record Probe() implements Gate {
    }

    /** Do not deliver before {@code until}. */
    public record Paused(Instant until) implements Gate {
    }

    /** Enters the endpoint's circuit. */
    public Gate enter(String url, String owner, Instant now, Instant leaseUntil) {
        update("INSERT INTO webhook_endpoint (url, consecutive_failures, updated_at) VALUES (?, 0, ?)"
                + " ON CONFLICT DO NOTHING", url, ts(now));
        Optional<EndpointState> state = find(url);
        if (state.isEmpty() || state.get().pausedUntil() == null) {
            return new Open();
        }
        int won = update("UPDATE webhook_endpoint SET probe_by = ?, probe_lease_until = ? WHERE url = ?"
                + " AND paused_until IS NOT NULL AND paused_until <= ?"
                + " AND (probe_lease_until IS NULL OR probe_lease_until < ?)",
                owner, ts(leaseUntil), url, ts(now), ts(now));
        if (won == 1) {
            return new Probe();
        }
        EndpointState s = find(url).orElseThrow();
        Instant until = s.pausedUntil() == null ? now : s.pausedUntil();
        if (s.probeLeaseUntil() != null && s.probeLeaseUntil().isAfter(until)) {
            until = s.probeLeaseUntil();
        }
        return until.isAfter(now) ? new Paused(until) : new Paused(now.plusSeconds(1));
    }

    /** A delivery succeeded: the circuit closes. */
    public void succeeded(String url, Instant now) {
        update("UPDATE webhook_endpoint SET consecutive_failures = 0, paused_until = NULL, probe_by = NULL,"
                + " probe_lease_until = NULL, last_error = NULL, updated_at = ? WHERE url = ?", ts(now), url);
    }

    /** A delivery failed; true when the endpoint is now paused. */
    public boolean failed(String url, String error, Instant now) {
        update("UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1,"
                + " paused_until = CASE WHEN consecutive_failures + 1 >= ? THEN ? ELSE paused_until END,"
                + " probe_by = NULL, probe_lease_until = NULL, last_error = ?, updated_at = ? WHERE url = ?",
                threshold, ts(now.plus(pause)), error == null || error.length() <= 500 ? error : error.substring(0, 500),
                ts(now), url);
        return find(url).map(s -> s.pausedUntil() != null).orElse(false);
    }

    /** Gives the probe back without an outcome (the event could not be claimed). */
    public void releaseProbe(String url, String owner) {
        update("UPDATE webhook_endpoint SET probe_by = NULL, probe_lease_until = NULL WHERE url = ? AND probe_by = ?",
                url, owner);
    }

    /** Operator action: closes the circuit; false when no endpoint has that id. */
    public Optional<String> resume(long id, Instant now) {
        Optional<String> url = list("SELECT id, url, consecutive_failures, paused_until, probe_lease_until, last_error,"
                + " updated_at FROM webhook_endpoint WHERE id = ?", id).stream().map(EndpointState::url).findFirst();
        url.ifPresent(u -> succeeded(u, now));
        return url;
    }

    /** Endpoints currently paused (or probing). */
    public List<EndpointState> paused() {
        return list("SELECT id, url, consecutive_failures, paused_until, probe_lease_until, last_error, updated_at"
                + " FROM webhook_endpoint WHERE paused_until IS NOT NULL ORDER BY paused_until");
    }

    /** One endpoint's state. */
    public Optional<EndpointState> find(String url) {
        return list("SELECT id, url, consecutive_failures, paused_until, probe_lease_until, last_error, updated_at"
                + " FROM webhook_endpoint WHERE url = ?", url).stream().findFirst();
    }

    /** An endpoint's circuit as stored. */
    public record EndpointState(long id, String url, int consecutiveFailures, Instant pausedUntil,
            Instant probeLeaseUntil, String lastError, Instant updatedAt) {
    }

    private List<EndpointState> list(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<EndpointState> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EndpointState(rs.getLong(1), rs.getString(2), rs.getInt(3), instant(rs, 4),
                            instant(rs, 5), rs.getString(6), instant(rs, 7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("webhook endpoints unavailable", e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("webhook endpoints unavailable", e);
        }
    }
}
