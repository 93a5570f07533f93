package io.m365platform.usage.support;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Reads usage-service's tables in tests. */
@Singleton
public class UsageDb {

    private final AgroalDataSource dataSource;

    @Inject
    public UsageDb(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int count(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i] instanceof LocalDate d ? Date.valueOf(d) : parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored mapped rows of a connection: user id → day → apps. */
    public Map<String, Map<LocalDate, Integer>> storedApps(String connectionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT user_id, day, apps FROM daily_app_usage WHERE connection_id = ? AND user_id IS NOT NULL")) {
            s.setString(1, connectionId);
            Map<String, Map<LocalDate, Integer>> result = new HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.computeIfAbsent(r.getString(1), k -> new HashMap<>())
                            .put(r.getDate(2).toLocalDate(), r.getInt(3));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
