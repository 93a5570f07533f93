package io.m365platform.sync.connection;

import io.m365platform.sync.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code sync.connection}: connections learned from connection events, with their sync schedule. */
public class ConnectionRepository {

    private static final String COLUMNS = "connection_id, tenant_id, product, status, granted_permissions, "
            + "state_updated_at, deleted_at, next_incremental_at, next_full_at";

    private final Jdbc jdbc;

    public ConnectionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies a connection state unless a newer one was applied already (events may arrive twice or late).
     * Returns the state before and after; {@code before} is empty for a connection seen for the first time.
     */
    public Optional<Applied> apply(String connectionId, String tenantId, String product, String status,
                                   Set<String> grantedPermissions, Instant stateUpdatedAt) {
        return jdbc.inTransaction(c -> {
            Optional<KnownConnection> before = find(c, connectionId, true);
            if (before.isPresent() && (before.get().deleted()
                    || before.get().stateUpdatedAt().isAfter(stateUpdatedAt))) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into connection (connection_id, tenant_id, "
                    + "product, status, granted_permissions, state_updated_at) values (?, ?, ?, ?, ?, ?) "
                    + "on conflict (connection_id) do update set tenant_id = excluded.tenant_id, "
                    + "product = excluded.product, status = excluded.status, "
                    + "granted_permissions = excluded.granted_permissions, "
                    + "state_updated_at = excluded.state_updated_at, updated_at = now()")) {
                ps.setString(1, connectionId);
                ps.setString(2, tenantId);
                ps.setString(3, product);
                ps.setString(4, status);
                ps.setArray(5, c.createArrayOf("text", grantedPermissions.toArray(String[]::new)));
                ps.setTimestamp(6, Timestamp.from(stateUpdatedAt));
                ps.executeUpdate();
            }
            return Optional.of(new Applied(before, find(c, connectionId, false).orElseThrow()));
        });
    }

    /** Marks the connection deleted; returns false if it was unknown or already deleted. */
    public boolean markDeleted(String connectionId, Instant at) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("update connection set deleted_at = ?, status = 'deleted', "
                    + "next_incremental_at = null, next_full_at = null, updated_at = now() "
                    + "where connection_id = ? and deleted_at is null")) {
                ps.setTimestamp(1, Timestamp.from(at));
                ps.setString(2, connectionId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public Optional<KnownConnection> find(String connectionId) {
        return jdbc.withConnection(c -> find(c, connectionId, false));
    }

    public List<KnownConnection> list(int limit, String afterConnectionId) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from connection "
                    + "where connection_id > ? order by connection_id limit ?")) {
                ps.setString(1, afterConnectionId == null ? "" : afterConnectionId);
                ps.setInt(2, limit);
                return readAll(ps);
            }
        });
    }

    /** Sets when the next scheduled runs are due (after a run finished or a connection became syncable). */
    public void scheduleNext(String connectionId, Instant nextIncremental, Instant nextFull) {
        jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("update connection set "
                    + "next_incremental_at = coalesce(?, next_incremental_at), "
                    + "next_full_at = coalesce(?, next_full_at) where connection_id = ? and deleted_at is null")) {
                ps.setTimestamp(1, nextIncremental == null ? null : Timestamp.from(nextIncremental));
                ps.setTimestamp(2, nextFull == null ? null : Timestamp.from(nextFull));
                ps.setString(3, connectionId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Claims connections whose scheduled run is due, moving their next due time forward in the same statement so
     * that two instances never both claim one. A due full run wins over a due incremental one.
     */
    public List<Due> claimDue(Instant now, Duration incremental, Duration full, int limit) {
        return jdbc.inTransaction(c -> {
            List<Due> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select connection_id, tenant_id, "
                    + "(next_full_at is not null and next_full_at <= ?) as full_due from connection "
                    + "where deleted_at is null and status in ('connected', 'permissions-missing') "
                    + "and ((next_incremental_at is not null and next_incremental_at <= ?) "
                    + "or (next_full_at is not null and next_full_at <= ?)) "
                    + "order by least(next_incremental_at, next_full_at) limit ? for update skip locked")) {
                Timestamp at = Timestamp.from(now);
                ps.setTimestamp(1, at);
                ps.setTimestamp(2, at);
                ps.setTimestamp(3, at);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update connection set "
                    + "next_incremental_at = ?, next_full_at = case when ? then ? else next_full_at end "
                    + "where connection_id = ?")) {
                for (Due d : due) {
                    ps.setTimestamp(1, Timestamp.from(now.plus(incremental)));
                    ps.setBoolean(2, d.full());
                    ps.setTimestamp(3, Timestamp.from(now.plus(full)));
                    ps.setString(4, d.connectionId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return due;
        });
    }

    private Optional<KnownConnection> find(Connection c, String connectionId, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from connection where connection_id = ?"
                + (forUpdate ? " for update" : ""))) {
            ps.setString(1, connectionId);
            return readAll(ps).stream().findFirst();
        }
    }

    private static List<KnownConnection> readAll(PreparedStatement ps) throws SQLException {
        List<KnownConnection> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new KnownConnection(
                        rs.getString("connection_id"),
                        rs.getString("tenant_id"),
                        rs.getString("product"),
                        rs.getString("status"),
                        new HashSet<>(Arrays.asList((String[]) rs.getArray("granted_permissions").getArray())),
                        instant(rs, "state_updated_at"),
                        instant(rs, "deleted_at"),
                        instant(rs, "next_incremental_at"),
                        instant(rs, "next_full_at")));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    public record Applied(Optional<KnownConnection> before, KnownConnection after) {
    }

    public record Due(String connectionId, String tenantId, boolean full) {
    }
}
