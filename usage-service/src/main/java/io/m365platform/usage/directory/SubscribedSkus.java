package io.m365platform.usage.directory;

import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.directory.SubscribedSku;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The {@code subscribed_sku} projection of m365.directory.subscribed-skus. */
@ApplicationScoped
public class SubscribedSkus {

    private final AgroalDataSource dataSource;

    public SubscribedSkus(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void upsert(String connectionId, SubscribedSku sku, Instant observedAt) {
        String sql = """
                INSERT INTO subscribed_sku (connection_id, sku_id, sku_part_number, capability_status,
                                            prepaid_enabled, consumed_units, observed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (connection_id, sku_id) DO UPDATE SET
                    sku_part_number = excluded.sku_part_number, capability_status = excluded.capability_status,
                    prepaid_enabled = excluded.prepaid_enabled, consumed_units = excluded.consumed_units,
                    observed_at = excluded.observed_at
                WHERE subscribed_sku.observed_at <= excluded.observed_at
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, connectionId);
            s.setString(2, sku.skuId());
            s.setString(3, sku.skuPartNumber());
            s.setString(4, sku.capabilityStatus());
            s.setInt(5, sku.prepaidUnits().enabled());
            s.setInt(6, sku.consumedUnits());
            s.setTimestamp(7, Timestamp.from(observedAt));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new ProjectionWriteException("cannot store SKU " + sku.skuId() + " of " + connectionId, e);
        }
    }

    public void delete(String connectionId, String skuId) {
        ProjectionSql.delete(dataSource, "DELETE FROM subscribed_sku WHERE connection_id = ? AND sku_id = ?",
                connectionId, skuId);
    }

    public void deleteConnection(String connectionId) {
        ProjectionSql.delete(dataSource, "DELETE FROM subscribed_sku WHERE connection_id = ?", connectionId);
    }
}
