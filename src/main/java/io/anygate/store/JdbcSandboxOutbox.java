package io.anygate.store;

import static io.anygate.store.Jdbc.instant;
import static io.anygate.store.Jdbc.zoned;

import io.anygate.domain.card.SandboxOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** {@link SandboxOutbox} in {@code cardholder_sandbox_outbox} (V61). */
@ApplicationScoped
public class JdbcSandboxOutbox implements SandboxOutbox {

    private static final String WHAT = "cardholder sandbox outbox";

    private final Jdbc.Connections own;

    @Inject
    public JdbcSandboxOutbox(Store store) {
        this.own = () -> store.dataSource().getConnection();
    }

    @Override
    public void add(Sent m) {
        Jdbc.update(own, WHAT, "INSERT INTO cardholder_sandbox_outbox (partner_id, card_ref, service, channel, address,"
                + " message_subject, message_body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", m.partnerId(),
                m.cardRef(), m.service(), m.channel(), m.address(), m.subject(), m.body(), zoned(m.sentAt()));
    }

    @Override
    public List<Sent> last(String partnerId, String cardRef, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (partnerId != null) {
            where.add("partner_id = ?");
            args.add(partnerId);
        }
        if (cardRef != null) {
            where.add("card_ref = ?");
            args.add(cardRef);
        }
        String sql = "SELECT id, partner_id, card_ref, service, channel, address, message_subject, message_body, sent_at"
                + " FROM cardholder_sandbox_outbox" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id DESC LIMIT " + Math.max(1, limit);
        return Jdbc.list(own, WHAT, sql, rs -> new Sent(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                instant(rs, 9)), args.toArray());
    }
}
