package io.anygate.store;

import static io.anygate.store.Jdbc.instant;
import static io.anygate.store.Jdbc.zoned;

import io.anygate.webhook.SandboxInboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** {@link SandboxInboxRepository} in {@code webhook_sandbox_inbox}. */
@ApplicationScoped
public class JdbcSandboxInbox implements SandboxInboxRepository {

    private static final String WHAT = "sandbox inbox";

    private final Jdbc.Connections own;

    @Inject
    public JdbcSandboxInbox(Store store) {
        this.own = () -> store.dataSource().getConnection();
    }

    /** On a datasource of its own (tests). */
    public JdbcSandboxInbox(DataSource dataSource) {
        this.own = dataSource::getConnection;
    }

    @Override
    public void add(String partnerId, String eventId, Instant receivedAt, String headers, String body) {
        Jdbc.update(own, WHAT, "INSERT INTO webhook_sandbox_inbox (partner_id, event_id, received_at, headers, body)"
                + " VALUES (?, ?, ?, ?, ?)", partnerId, eventId, zoned(receivedAt), headers, body);
    }

    @Override
    public List<Stored> last(String partnerId, int limit) {
        String sql = "SELECT id, partner_id, event_id, received_at, headers, body FROM webhook_sandbox_inbox"
                + (partnerId == null ? "" : " WHERE partner_id = ?") + " ORDER BY id DESC LIMIT " + limit;
        return Jdbc.list(own, WHAT, sql, rs -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3),
                instant(rs, 4), rs.getString(5), rs.getString(6)),
                partnerId == null ? new Object[0] : new Object[] {partnerId});
    }
}
