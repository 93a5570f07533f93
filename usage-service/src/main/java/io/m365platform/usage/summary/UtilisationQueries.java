package io.m365platform.usage.summary;

import io.agroal.api.AgroalDataSource;
import io.m365platform.usage.config.UsageConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * License utilisation per SKU from the projections (subscribed SKUs, license assignments, users' sign-ins) and the
 * stored usage: assigned / active / inactive / unassigned, direct vs group-inherited, and the inactive holders.
 */
@ApplicationScoped
public class UtilisationQueries {

    /** Which assignments an inactive-holder listing shows. */
    public enum AssignmentFilter { ANY, DIRECT, INHERITED_ONLY }

    /**
     * A mapped row's user key is its user id (an unmapped row's is a lower-case name, never a GUID): matching on
     * the key uses the {@code (connection_id, user_key)} index.
     */
    private static final String ACTIVE_IN_WINDOW = """
            EXISTS (SELECT 1 FROM daily_app_usage d WHERE d.connection_id = a.connection_id AND d.user_key = a.user_id
                    AND d.day BETWEEN ? AND ? AND d.apps <> 0)""";
    private static final String INACTIVE_SIGN_IN = "(u.last_sign_in IS NULL OR u.last_sign_in < ?)";

    private final AgroalDataSource dataSource;
    private final UsageQueries usage;
    private final UsageConfig.Utilisation config;
    private final Clock clock;

    public UtilisationQueries(AgroalDataSource dataSource, UsageQueries usage, UsageConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.usage = usage;
        this.config = config.utilisation();
        this.clock = clock;
    }

    /** Every subscribed SKU of the connection; empty until the connection has a usage window. */
    public List<SkuUtilisation> perSku(String connectionId) {
        Optional<UsageWindow> found = usage.window(connectionId);
        if (found.isEmpty()) {
            return List.of();
        }
        UsageWindow window = found.get();
        String sql = """
                SELECT k.sku_id, k.sku_part_number, k.prepaid_enabled, k.consumed_units,
                       count(a.user_id),
                       count(a.user_id) FILTER (WHERE a.assigned_directly),
                       count(a.user_id) FILTER (WHERE NOT a.assigned_directly),
                       count(a.user_id) FILTER (WHERE a.active),
                       count(a.user_id) FILTER (WHERE NOT a.active AND a.inactive_sign_in),
                       count(a.user_id) FILTER (WHERE NOT a.active AND a.inactive_sign_in AND a.assigned_directly),
                       count(a.user_id) FILTER (WHERE NOT a.active AND NOT a.inactive_sign_in)
                FROM subscribed_sku k
                LEFT JOIN (SELECT a.connection_id, a.sku_id, a.user_id, a.assigned_directly,
                                  %s AS active, %s AS inactive_sign_in
                           FROM license_assignment a
                           LEFT JOIN directory_user u ON u.connection_id = a.connection_id AND u.user_id = a.user_id
                           WHERE a.connection_id = ?) a ON a.sku_id = k.sku_id
                WHERE k.connection_id = ?
                GROUP BY k.sku_id, k.sku_part_number, k.prepaid_enabled, k.consumed_units
                ORDER BY k.sku_part_number, k.sku_id""".formatted(ACTIVE_IN_WINDOW, INACTIVE_SIGN_IN);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setDate(1, Date.valueOf(window.start()));
            s.setDate(2, Date.valueOf(window.end()));
            s.setTimestamp(3, Timestamp.from(signInCutoff()));
            s.setString(4, connectionId);
            s.setString(5, connectionId);
            List<SkuUtilisation> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int prepaid = r.getInt(3);
                    int consumed = r.getInt(4);
                    result.add(new SkuUtilisation(r.getString(1), r.getString(2), prepaid, consumed,
                            Math.max(0, prepaid - consumed), r.getInt(5), r.getInt(6), r.getInt(7), r.getInt(8),
                            r.getInt(9), r.getInt(10), r.getInt(11), window));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the utilisation of " + connectionId, e);
        }
    }

    /** Inactive holders of a SKU by user id after {@code afterUserId} (keyset paging). */
    public List<InactiveHolder> inactiveHolders(String connectionId, String skuId, AssignmentFilter filter,
                                                String afterUserId, int limit) {
        Optional<UsageWindow> found = usage.window(connectionId);
        if (found.isEmpty()) {
            return List.of();
        }
        UsageWindow window = found.get();
        String assignment = switch (filter) {
            case ANY -> "";
            case DIRECT -> " AND a.assigned_directly";
            case INHERITED_ONLY -> " AND NOT a.assigned_directly";
        };
        String sql = """
                SELECT a.user_id, u.user_principal_name, u.display_name, a.assigned_directly,
                       a.inherited_from_group_ids, u.last_sign_in,
                       (SELECT max(d.day) FROM daily_app_usage d WHERE d.connection_id = a.connection_id
                               AND d.user_key = a.user_id AND d.apps <> 0)
                FROM license_assignment a
                LEFT JOIN directory_user u ON u.connection_id = a.connection_id AND u.user_id = a.user_id
                WHERE a.connection_id = ? AND a.sku_id = ? AND NOT %s AND %s%s AND a.user_id > ?
                ORDER BY a.user_id LIMIT ?""".formatted(ACTIVE_IN_WINDOW, INACTIVE_SIGN_IN, assignment);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, connectionId);
            s.setString(2, skuId);
            s.setDate(3, Date.valueOf(window.start()));
            s.setDate(4, Date.valueOf(window.end()));
            s.setTimestamp(5, Timestamp.from(signInCutoff()));
            s.setString(6, afterUserId == null ? "" : afterUserId);
            s.setInt(7, limit);
            List<InactiveHolder> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Array groups = r.getArray(5);
                    Timestamp signIn = r.getTimestamp(6);
                    Date last = r.getDate(7);
                    LocalDate lastActivity = last == null ? null : last.toLocalDate();
                    result.add(new InactiveHolder(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4),
                            groups == null ? List.of() : Arrays.asList((String[]) groups.getArray()), lastActivity,
                            lastActivity == null ? window.start() : lastActivity.plusDays(1),
                            signIn == null ? null : signIn.toInstant()));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the inactive holders of " + skuId, e);
        }
    }

    /** The connection's window (see {@link UsageQueries#window}). */
    public Optional<UsageWindow> window(String connectionId) {
        return usage.window(connectionId);
    }

    private Instant signInCutoff() {
        return clock.instant().minus(java.time.Duration.ofDays(config.inactiveSignInDays()));
    }
}
