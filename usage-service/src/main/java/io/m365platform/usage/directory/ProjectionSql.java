package io.m365platform.usage.directory;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Deletes shared by the projections. */
final class ProjectionSql {

    private ProjectionSql() {
    }

    static void delete(AgroalDataSource dataSource, String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new ProjectionWriteException("cannot delete: " + sql, e);
        }
    }
}
