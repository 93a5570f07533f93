package io.m365platform.usage.connections;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code tracked_connection} table. */
@ApplicationScoped
public class TrackedConnections {

    private final AgroalDataSource dataSource;

    public TrackedConnections(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the connection's state unless a newer event was already applied: events of one connection arrive in
     * order on one partition, but a replay or a redelivery must not move the state backwards.
     */
    public void upsert(TrackedConnection connection) {
        String sql = """
                INSERT INTO tracked_connection (connection_id, tenant_id, product, status, permissions, last_event_time)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (connection_id) DO UPDATE SET
                    tenant_id = excluded.tenant_id, product = excluded.product, status = excluded.status,
                    permissions = excluded.permissions, last_event_time = excluded.last_event_time, updated_at = now()
                WHERE tracked_connection.last_event_time <= excluded.last_event_time
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, connection.connectionId());
            s.setString(2, connection.tenantId());
            s.setString(3, connection.product());
            s.setString(4, connection.status());
            Array permissions = c.createArrayOf("text", connection.grantedPermissions().toArray());
            s.setArray(5, permissions);
            s.setTimestamp(6, Timestamp.from(connection.lastEventTime()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store connection " + connection.connectionId(), e);
        }
    }

    /** Forgets a deleted connection (and, as ingestion lands, everything ingested for it). */
    public void delete(String connectionId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM tracked_connection WHERE connection_id = ?")) {
            s.setString(1, connectionId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete connection " + connectionId, e);
        }
    }

    /** The connection, if connection-service announced it and did not delete it. */
    public java.util.Optional<TrackedConnection> find(String connectionId) {
        return list().stream().filter(c -> c.connectionId().equals(connectionId)).findFirst();
    }

    public List<TrackedConnection> list() {
        String sql = "SELECT connection_id, tenant_id, product, status, permissions, last_event_time "
                + "FROM tracked_connection ORDER BY connection_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            List<TrackedConnection> result = new ArrayList<>();
            while (r.next()) {
                result.add(new TrackedConnection(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        Arrays.asList((String[]) r.getArray(5).getArray()), r.getTimestamp(6).toInstant()));
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list connections", e);
        }
    }
}
