package io.anygate.store;

import io.anygate.domain.kyc.DocumentStore;
import io.anygate.domain.kyc.KycDocument;
import io.anygate.domain.kyc.KycType;
import io.anygate.domain.kyc.ReviewStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * KYC documents on the active store (tables {@code kyc_document}, {@code kyc_document_content}): PostgreSQL in
 * production, so that every replica sees every upload; the embedded H2 store otherwise.
 */
@ApplicationScoped
public class JdbcDocumentStore implements DocumentStore {

    private static final String COLUMNS = "id, account_id, partner_id, kyc_type, content_type, size_bytes, sha256,"
            + " file_name, status, uploaded_at, reviewed_at, core_document_id";

    @Inject
    Store store;

    @Override
    public KycDocument add(NewDocument d) {
        return Jdbc.inOneCommit(() -> store.dataSource().getConnection(),
                "keeping a KYC document of account " + d.accountId(), c -> {
                    long id;
                    try (PreparedStatement ps = c.prepareStatement("SELECT nextval('kyc_document_seq')");
                         ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO kyc_document (" + COLUMNS
                            + ") VALUES (?,?,?,?,?,?,?,?,?,?,NULL,NULL)")) {
                        Jdbc.bind(ps, id, d.accountId(), d.partnerId(), d.type().name(), d.contentType(),
                                (long) d.content().length, d.sha256(), d.fileName(), ReviewStatus.PENDING.name(),
                                Jdbc.zoned(d.uploadedAt()));
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO kyc_document_content (document_id, content) VALUES (?,?)")) {
                        ps.setLong(1, id);
                        ps.setBytes(2, d.content());
                        ps.executeUpdate();
                    }
                    return new KycDocument(id, d.accountId(), d.partnerId(), d.type(), d.contentType(),
                            d.content().length, d.sha256(), d.fileName(), ReviewStatus.PENDING, d.uploadedAt(), null,
                            null);
                });
    }

    @Override
    public List<KycDocument> ofAccount(long accountId) {
        return Jdbc.list(store::connection, "KYC documents",
                "SELECT " + COLUMNS + " FROM kyc_document WHERE account_id = ? ORDER BY id", JdbcDocumentStore::row,
                accountId);
    }

    @Override
    public Optional<KycDocument> find(long documentId) {
        return Jdbc.list(store::connection, "KYC documents", "SELECT " + COLUMNS + " FROM kyc_document WHERE id = ?",
                JdbcDocumentStore::row, documentId).stream().findFirst();
    }

    @Override
    public List<KycDocument> pending(int limit) {
        return Jdbc.list(store::connection, "KYC documents", "SELECT " + COLUMNS
                + " FROM kyc_document WHERE status = ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                JdbcDocumentStore::row, ReviewStatus.PENDING.name());
    }

    @Override
    public Optional<byte[]> content(long documentId) {
        return Jdbc.list(store::connection, "KYC documents",
                "SELECT content FROM kyc_document_content WHERE document_id = ?", rs -> rs.getBytes(1), documentId)
                .stream().findFirst();
    }

    @Override
    public boolean review(long documentId, ReviewStatus status, Instant at) {
        return Jdbc.update(store::connection, "KYC documents",
                "UPDATE kyc_document SET status = ?, reviewed_at = ? WHERE id = ? AND status = ?",
                status.name(), Jdbc.zoned(at), documentId, ReviewStatus.PENDING.name()) == 1;
    }

    @Override
    public void markOnCore(long documentId, long coreDocumentId) {
        Jdbc.update(store::connection, "KYC documents",
                "UPDATE kyc_document SET core_document_id = ? WHERE id = ?", coreDocumentId, documentId);
    }

    private static KycDocument row(ResultSet rs) throws SQLException {
        long core = rs.getLong(12);
        Long coreId = rs.wasNull() ? null : core;
        OffsetDateTime reviewed = rs.getObject(11, OffsetDateTime.class);
        return new KycDocument(rs.getLong(1), rs.getLong(2), rs.getString(3), KycType.valueOf(rs.getString(4)),
                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                ReviewStatus.valueOf(rs.getString(9)), rs.getObject(10, OffsetDateTime.class).toInstant(),
                reviewed == null ? null : reviewed.toInstant(), coreId);
    }
}
