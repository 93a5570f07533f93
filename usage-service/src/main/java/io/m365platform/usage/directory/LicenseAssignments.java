package io.m365platform.usage.directory;

import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.directory.LicenseAssignment;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The {@code license_assignment} projection of m365.directory.license-assignments (direct vs group-inherited). */
@ApplicationScoped
public class LicenseAssignments {

    private final AgroalDataSource dataSource;

    public LicenseAssignments(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void upsert(String connectionId, LicenseAssignment assignment, Instant observedAt) {
        String sql = """
                INSERT INTO license_assignment (connection_id, user_id, sku_id, sku_part_number, assigned_directly,
                                                inherited_from_group_ids, observed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (connection_id, user_id, sku_id) DO UPDATE SET
                    sku_part_number = excluded.sku_part_number, assigned_directly = excluded.assigned_directly,
                    inherited_from_group_ids = excluded.inherited_from_group_ids, observed_at = excluded.observed_at
                WHERE license_assignment.observed_at <= excluded.observed_at
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, connectionId);
            s.setString(2, assignment.userId());
            s.setString(3, assignment.skuId());
            s.setString(4, assignment.skuPartNumber());
            s.setBoolean(5, assignment.assignedDirectly());
            s.setArray(6, c.createArrayOf("text", assignment.inheritedFromGroupIds().toArray()));
            s.setTimestamp(7, Timestamp.from(observedAt));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new ProjectionWriteException("cannot store license " + assignment.skuId() + " of user "
                    + assignment.userId(), e);
        }
    }

    public void delete(String connectionId, String userId, String skuId) {
        ProjectionSql.delete(dataSource,
                "DELETE FROM license_assignment WHERE connection_id = ? AND user_id = ? AND sku_id = ?",
                connectionId, userId, skuId);
    }

    public void deleteConnection(String connectionId) {
        ProjectionSql.delete(dataSource, "DELETE FROM license_assignment WHERE connection_id = ?", connectionId);
    }
}
