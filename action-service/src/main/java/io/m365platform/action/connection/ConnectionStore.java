package io.m365platform.action.connection;

import io.agroal.api.AgroalDataSource;
import io.m365platform.action.store.ActionStoreException;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionState;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** action-service's own copy of the connections (table {@code connection}), fed by connection events. */
@ApplicationScoped
public class ConnectionStore {

    private final AgroalDataSource dataSource;

    public ConnectionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a connection's whole state; an older state than the stored one is ignored (replays, reordering). */
    public void apply(ConnectionState state) {
        String sql = """
                INSERT INTO connection (connection_id, tenant_id, product, method, permission_level, status, client_id,
                                        granted_permissions, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (connection_id) DO UPDATE SET
                    tenant_id = excluded.tenant_id, product = excluded.product, method = excluded.method,
                    permission_level = excluded.permission_level, status = excluded.status,
                    client_id = excluded.client_id, granted_permissions = excluded.granted_permissions,
                    updated_at = excluded.updated_at
                WHERE connection.updated_at <= excluded.updated_at
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, state.connectionId());
            s.setString(2, state.tenantId());
            s.setString(3, state.product().wireName());
            s.setString(4, state.method().wireName());
            s.setString(5, state.permissionLevel().wireName());
            s.setString(6, state.status().wireName());
            s.setString(7, state.clientId());
            s.setArray(8, c.createArrayOf("text", state.grantedPermissions().toArray()));
            s.setTimestamp(9, Timestamp.from(state.updatedAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new ActionStoreException("cannot store connection " + state.connectionId(), e);
        }
    }

    /** Marks a connection deleted: its pending actions are refused from now on. */
    public void markDeleted(String connectionId, Instant at) {
        String sql = "UPDATE connection SET status = 'deleted', updated_at = ? WHERE connection_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, connectionId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new ActionStoreException("cannot mark connection " + connectionId + " deleted", e);
        }
    }

    /** Sets which action types need a second operator's approval on a connection; false if it is unknown. */
    public boolean setApprovalRequired(String connectionId, Set<String> actionTypes) {
        String sql = "UPDATE connection SET approval_required = ? WHERE connection_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", actionTypes.toArray()));
            s.setString(2, connectionId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new ActionStoreException("cannot set the approval policy of " + connectionId, e);
        }
    }

    public Optional<KnownConnection> find(String connectionId) {
        String sql = """
                SELECT connection_id, tenant_id, product, method, permission_level, status, client_id,
                       granted_permissions, approval_required
                FROM connection WHERE connection_id = ?
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, connectionId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new KnownConnection(r.getString(1), r.getString(2), r.getString(3),
                        wire(ConnectionMethod.values(), r.getString(4), ConnectionMethod::wireName),
                        wire(PermissionLevel.values(), r.getString(5), PermissionLevel::wireName),
                        wire(ConnectionStatus.values(), r.getString(6), ConnectionStatus::wireName),
                        r.getString(7), strings(r.getArray(8)), strings(r.getArray(9))));
            }
        } catch (SQLException e) {
            throw new ActionStoreException("cannot read connection " + connectionId, e);
        }
    }

    private static Set<String> strings(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(List.of((String[]) array.getArray()));
    }

    private static <E> E wire(E[] values, String wireName, java.util.function.Function<E, String> name) {
        return Arrays.stream(values).filter(v -> name.apply(v).equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown value " + wireName + " in table connection"));
    }
}
