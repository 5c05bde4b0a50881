package io.anygate.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.anygate.domain.account.AccountOwnership;
import io.anygate.domain.account.OwnedAccount;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Account ownership on the active store. */
@ApplicationScoped
public class JdbcAccountOwnership implements AccountOwnership {

    private static final String COLUMNS = "acc_id, partner_id, acc_type, currency, holder_subject_id, company_subject_id";

    @Inject
    Store store;
    @Inject
    Clock clock;

    @Inject
    StoreConfig config;

    /** Found rows only: they never change once registered (see {@link StoreConfig#ownershipCacheSize()}). */
    private Cache<OwnershipKey, OwnedAccount> found;

    @PostConstruct
    void init() {
        found = Caffeine.newBuilder().maximumSize(config.ownershipCacheSize()).build();
    }

    @Override
    public Optional<OwnedAccount> find(String partnerId, long accountId) {
        OwnershipKey key = new OwnershipKey(partnerId, accountId);
        OwnedAccount cached = found.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<OwnedAccount> account = query("SELECT " + COLUMNS + " FROM account WHERE partner_id = ? AND acc_id = ?",
                partnerId, accountId).stream().findFirst();
        account.ifPresent(a -> found.put(key, a));
        return account;
    }

    @Override
    public List<OwnedAccount> list(String partnerId, int offset, int limit) {
        return query("SELECT " + COLUMNS + " FROM account WHERE partner_id = ? ORDER BY acc_id LIMIT ? OFFSET ?",
                partnerId, limit, offset);
    }

    @Override
    public long count(String partnerId) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM account WHERE partner_id = ?")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("counting accounts", e);
        }
    }

    @Override
    public void register(OwnedAccount a, String operationId) {
        String sql = "INSERT INTO account (" + COLUMNS + ", operation_id, created_at) VALUES (?,?,?,?,?,?,?,?)";
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a.accountId());
            ps.setString(2, a.partnerId());
            ps.setString(3, a.type());
            ps.setString(4, a.currency());
            ps.setLong(5, a.holderSubjectId());
            if (a.companySubjectId() == null) {
                ps.setNull(6, Types.BIGINT);
            } else {
                ps.setLong(6, a.companySubjectId());
            }
            ps.setString(7, operationId);
            ps.setObject(8, OffsetDateTime.now(clock));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw new StoreException("registering account " + a.accountId(), e);
            }
            // Registered already by an earlier run of the same saga: nothing to do.
        }
    }

    private List<OwnedAccount> query(String sql, Object... params) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<OwnedAccount> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // wasNull() must follow the read of column 6 directly: it reports the last column read.
                    long company = rs.getLong(6);
                    Long companyId = rs.wasNull() ? null : company;
                    list.add(new OwnedAccount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), companyId));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("reading accounts", e);
        }
    }
}
