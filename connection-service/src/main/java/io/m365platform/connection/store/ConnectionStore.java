package io.m365platform.connection.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.connection.capability.CapabilityRow;
import io.m365platform.connection.capability.CapabilityTable;
import io.m365platform.connection.capability.ProbeOutcome;
import io.m365platform.connection.domain.AdminAccount;
import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.domain.Health;
import io.m365platform.connection.domain.LastError;
import io.m365platform.connection.domain.LastTest;
import io.m365platform.connection.domain.SecretExpiry;
import io.m365platform.contracts.WireName;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.Product;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code connections} table. Plain JDBC: one table, a handful of statements, no mapping framework needed.
 * Updates use an optimistic version so two instances testing the same connection cannot overwrite each other's
 * result unnoticed.
 */
@ApplicationScoped
public class ConnectionStore {

    private static final TypeReference<List<CapabilityRow>> ROWS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, ProbeOutcome>> PROBES = new TypeReference<>() {
    };

    private static final String COLUMNS = "id, product, method, permission_level, display_name, tenant, tenant_id,"
            + " client_id, status, status_reason, fix, granted_permissions, capabilities, probe_outcomes, probed_at,"
            + " admin_username, admin_account_id, last_tested_at, last_test_outcome, last_error_code, last_error_message, last_error_at,"
            + " secret_expires_at, secret_expiry_source, secret_expiry_note, created_by, created_at, updated_at, version";

    private final DataSource dataSource;
    private final ObjectMapper json;

    public ConnectionStore(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Filters of the list endpoint; empty means any. */
    public record Filter(Optional<Product> product, Optional<ConnectionStatus> status, Optional<String> tenant) {
        public static Filter none() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public void insert(Connection c) {
        String sql = "insert into connections (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?::jsonb,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            bindAll(s, db, c);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot insert connection " + c.id(), e);
        }
    }

    /**
     * Writes {@code c} if the stored version is still {@code c.version()}; returns the stored copy (version + 1).
     *
     * @throws ConcurrentChangeException when someone else changed the connection in between
     */
    public Connection update(Connection c) {
        String sql = "update connections set (" + COLUMNS + ") = (?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?::jsonb,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
                + " where id = ? and version = ?";
        Connection next = withVersion(c, c.version() + 1);
        try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            int i = bindAll(s, db, next);
            s.setObject(i++, c.id());
            s.setLong(i, c.version());
            if (s.executeUpdate() != 1) {
                throw new ConcurrentChangeException(c.id());
            }
            return next;
        } catch (SQLException e) {
            throw new StoreException("cannot update connection " + c.id(), e);
        }
    }

    public Optional<Connection> find(UUID id) {
        return query("select " + COLUMNS + " from connections where id = ?", s -> s.setObject(1, id)).stream().findFirst();
    }

    /** Locks the row for the rest of the transaction (serialises changes of one connection across instances). */
    public Optional<Connection> findForUpdate(UUID id) {
        return query("select " + COLUMNS + " from connections where id = ? for update", s -> s.setObject(1, id))
                .stream().findFirst();
    }

    public List<Connection> list(Filter filter, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from connections where true");
        List<Object> args = new ArrayList<>();
        filter.product().ifPresent(p -> {
            sql.append(" and product = ?");
            args.add(p.wireName());
        });
        filter.status().ifPresent(st -> {
            sql.append(" and status = ?");
            args.add(st.wireName());
        });
        filter.tenant().ifPresent(t -> {
            sql.append(" and (tenant = ? or tenant_id = ?)");
            args.add(t);
            args.add(t);
        });
        sql.append(" order by created_at, id offset ? limit ?");
        args.add(offset);
        args.add(limit);
        return query(sql.toString(), s -> {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
        });
    }

    /** Every connection id, for the health check. */
    public List<UUID> allIds() {
        List<UUID> ids = new ArrayList<>();
        try (java.sql.Connection db = dataSource.getConnection();
             PreparedStatement s = db.prepareStatement("select id from connections order by created_at, id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("cannot list connection ids", e);
        }
    }

    public boolean delete(UUID id) {
        try (java.sql.Connection db = dataSource.getConnection();
             PreparedStatement s = db.prepareStatement("delete from connections where id = ?")) {
            s.setObject(1, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot delete connection " + id, e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private List<Connection> query(String sql, Binder binder) {
        try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            binder.bind(s);
            List<Connection> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read connections", e);
        }
    }

    private int bindAll(PreparedStatement s, java.sql.Connection db, Connection c) throws SQLException {
        int i = 1;
        s.setObject(i++, c.id());
        s.setString(i++, c.product().wireName());
        s.setString(i++, c.method().wireName());
        s.setString(i++, c.level().wireName());
        s.setString(i++, c.displayName());
        s.setString(i++, c.tenant());
        s.setString(i++, c.tenantId().orElse(null));
        s.setString(i++, c.clientId());
        s.setString(i++, c.status().wireName());
        s.setString(i++, c.health().reason().orElse(null));
        s.setString(i++, c.health().fix().orElse(null));
        s.setArray(i++, db.createArrayOf("text", c.grantedPermissions().toArray()));
        s.setString(i++, toJson(c.capabilities().rows()));
        s.setString(i++, toJson(c.probes().outcomes()));
        setInstant(s, i++, c.probes().probedAt());
        s.setString(i++, c.admin().map(AdminAccount::username).orElse(null));
        s.setString(i++, c.admin().map(AdminAccount::homeAccountId).orElse(null));
        setInstant(s, i++, c.lastTest().map(LastTest::at));
        s.setString(i++, c.lastTest().map(t -> t.outcome().wireName()).orElse(null));
        s.setString(i++, c.lastError().map(LastError::code).orElse(null));
        s.setString(i++, c.lastError().map(LastError::message).orElse(null));
        setInstant(s, i++, c.lastError().map(LastError::at));
        setInstant(s, i++, c.secretExpiry().expiresAt());
        s.setString(i++, c.secretExpiry().source().map(SecretExpiry.Source::wireName).orElse(null));
        s.setString(i++, c.secretExpiry().note().orElse(null));
        s.setString(i++, c.createdBy());
        s.setTimestamp(i++, Timestamp.from(c.createdAt()));
        s.setTimestamp(i++, Timestamp.from(c.updatedAt()));
        s.setLong(i++, c.version());
        return i;
    }

    private Connection read(ResultSet r) throws SQLException {
        Array granted = r.getArray("granted_permissions");
        List<String> permissions = granted == null ? List.of() : Arrays.asList((String[]) granted.getArray());
        Optional<LastTest> lastTest = instant(r, "last_tested_at")
                .map(at -> new LastTest(at, LastTest.Outcome.of(rString(r, "last_test_outcome"))));
        Optional<LastError> lastError = Optional.ofNullable(r.getString("last_error_code"))
                .map(code -> new LastError(code, rString(r, "last_error_message"), rInstant(r, "last_error_at")));
        Optional<Instant> expiresAt = instant(r, "secret_expires_at");
        SecretExpiry expiry = new SecretExpiry(expiresAt,
                Optional.ofNullable(r.getString("secret_expiry_source")).map(SecretExpiry.Source::of),
                Optional.ofNullable(r.getString("secret_expiry_note")));
        return new Connection(
                r.getObject("id", UUID.class),
                WireName.parse(Product.class, r.getString("product")),
                WireName.parse(ConnectionMethod.class, r.getString("method")),
                WireName.parse(PermissionLevel.class, r.getString("permission_level")),
                r.getString("display_name"),
                r.getString("tenant"),
                Optional.ofNullable(r.getString("tenant_id")),
                r.getString("client_id"),
                new Health(WireName.parse(ConnectionStatus.class, r.getString("status")), Optional.ofNullable(r.getString("status_reason")),
                        Optional.ofNullable(r.getString("fix"))),
                permissions,
                new CapabilityTable(fromJson(r.getString("capabilities"), ROWS)),
                new Connection.Probes(new LinkedHashMap<>(fromJson(r.getString("probe_outcomes"), PROBES)),
                        instant(r, "probed_at")),
                Optional.ofNullable(r.getString("admin_username"))
                        .map(u -> new AdminAccount(u, rString(r, "admin_account_id"))),
                lastTest,
                lastError,
                expiry,
                r.getString("created_by"),
                r.getTimestamp("created_at").toInstant(),
                r.getTimestamp("updated_at").toInstant(),
                r.getLong("version"));
    }

    private static Connection withVersion(Connection c, long version) {
        return new Connection(c.id(), c.product(), c.method(), c.level(), c.displayName(), c.tenant(), c.tenantId(),
                c.clientId(), c.health(), c.grantedPermissions(), c.capabilities(), c.probes(), c.admin(),
                c.lastTest(), c.lastError(), c.secretExpiry(), c.createdBy(), c.createdAt(), c.updatedAt(), version);
    }

    private static void setInstant(PreparedStatement s, int i, Optional<Instant> value) throws SQLException {
        if (value.isPresent()) {
            s.setTimestamp(i, Timestamp.from(value.get()));
        } else {
            s.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static Optional<Instant> instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    // Lambdas above cannot throw SQLException: these wrap the two reads they need.
    private static String rString(ResultSet r, String column) {
        try {
            return r.getString(column);
        } catch (SQLException e) {
            throw new StoreException("cannot read " + column, e);
        }
    }

    private static Instant rInstant(ResultSet r, String column) {
        try {
            return r.getTimestamp(column).toInstant();
        } catch (SQLException e) {
            throw new StoreException("cannot read " + column, e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored JSON is unreadable", e);
        }
    }
}
