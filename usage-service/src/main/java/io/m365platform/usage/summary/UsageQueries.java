package io.m365platform.usage.summary;

import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.usage.UsageApp;
import io.m365platform.contracts.usage.UsagePlatform;
import io.m365platform.usage.config.UsageConfig;
import io.m365platform.usage.reports.AppPlatformBits;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 28-day figures, computed in PostgreSQL from {@code daily_app_usage} (one int of (app, platform) bits per user
 * and day, so every figure is a filtered count or a bitwise OR).
 */
@ApplicationScoped
public class UsageQueries {

    /** The name of the Microsoft 365 suite total (Outlook, Word, Excel, PowerPoint, OneNote; Teams apart). */
    public static final String SUITE = "microsoft365-suite";

    private final AgroalDataSource dataSource;
    private final int windowDays;

    public UsageQueries(AgroalDataSource dataSource, UsageConfig config) {
        this.dataSource = dataSource;
        this.windowDays = config.ingestion().windowDays();
    }

    /** The connection's window, empty until a first day with data was stored. */
    public Optional<UsageWindow> window(String connectionId) {
        try (Connection c = dataSource.getConnection()) {
            return window(c, connectionId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the window of " + connectionId, e);
        }
    }

    Optional<UsageWindow> window(Connection c, String connectionId) throws SQLException {
        LocalDate end;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT latest_data_day FROM ingestion_state WHERE connection_id = ?")) {
            s.setString(1, connectionId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || r.getDate(1) == null) {
                    return Optional.empty();
                }
                end = r.getDate(1).toLocalDate();
            }
        }
        LocalDate start = end.minusDays(windowDays - 1L);
        try (PreparedStatement s = c.prepareStatement("""
                SELECT count(*) FROM report_day
                WHERE connection_id = ? AND state = 'ingested' AND day BETWEEN ? AND ?""")) {
            s.setString(1, connectionId);
            s.setDate(2, Date.valueOf(start));
            s.setDate(3, Date.valueOf(end));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return Optional.of(new UsageWindow(start, end, r.getInt(1)));
            }
        }
    }

    /** One user's 28-day usage, by user id or (unmapped rows) by the reported name. */
    public Optional<UserUsage> user(String connectionId, String userKey) {
        List<UserUsage> found = users(connectionId, userKey, null, 1);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** One user's days with use in the window, oldest first. */
    public List<UserDay> userDays(String connectionId, String userKey) {
        try (Connection c = dataSource.getConnection()) {
            Optional<UsageWindow> window = window(c, connectionId);
            if (window.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT day, apps FROM daily_app_usage
                    WHERE connection_id = ? AND user_key = ? AND day BETWEEN ? AND ? ORDER BY day""")) {
                s.setString(1, connectionId);
                s.setString(2, userKey);
                s.setDate(3, Date.valueOf(window.get().start()));
                s.setDate(4, Date.valueOf(window.get().end()));
                List<UserDay> days = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        days.add(new UserDay(r.getDate(1).toLocalDate(), AppPlatformBits.pairs(r.getInt(2))));
                    }
                }
                return days;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the days of " + userKey, e);
        }
    }

    /** Users with any use in the window, by user key, after {@code afterKey} (keyset paging). */
    public List<UserUsage> users(String connectionId, String afterKey, int limit) {
        return users(connectionId, null, afterKey, limit);
    }

    private List<UserUsage> users(String connectionId, String exactKey, String afterKey, int limit) {
        StringBuilder sql = new StringBuilder("SELECT user_key, max(user_id), max(reported_name), bool_or(concealed), "
                + "count(*)");
        List<String> names = new ArrayList<>();
        List<Integer> masks = new ArrayList<>();
        for (UsageApp app : AppPlatformBits.APPS) {
            names.add(app.wireName());
            masks.add(AppPlatformBits.appMask(app));
        }
        names.add(SUITE);
        masks.add(AppPlatformBits.SUITE_MASK);
        for (int mask : masks) {
            sql.append(", count(*) FILTER (WHERE apps & ").append(mask).append(" <> 0)")
                    .append(", bit_or(apps & ").append(mask).append(")")
                    .append(", max(day) FILTER (WHERE apps & ").append(mask).append(" <> 0)");
        }
        sql.append(" FROM daily_app_usage WHERE connection_id = ? AND day BETWEEN ? AND ?");
        sql.append(exactKey != null ? " AND user_key = ?" : afterKey != null ? " AND user_key > ?" : "");
        sql.append(" GROUP BY user_key ORDER BY user_key LIMIT ?");
        try (Connection c = dataSource.getConnection()) {
            Optional<UsageWindow> window = window(c, connectionId);
            if (window.isEmpty()) {
                return List.of();
            }
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                int i = 1;
                s.setString(i++, connectionId);
                s.setDate(i++, Date.valueOf(window.get().start()));
                s.setDate(i++, Date.valueOf(window.get().end()));
                if (exactKey != null || afterKey != null) {
                    s.setString(i++, exactKey != null ? exactKey : afterKey);
                }
                s.setInt(i, limit);
                List<UserUsage> result = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        List<AppUsageSummary> apps = new ArrayList<>();
                        AppUsageSummary suite = null;
                        for (int a = 0; a < names.size(); a++) {
                            int col = 6 + a * 3;
                            AppUsageSummary summary = new AppUsageSummary(names.get(a), r.getInt(col),
                                    platforms(r.getInt(col + 1)), toLocalDate(r.getDate(col + 2)));
                            if (a == names.size() - 1) {
                                suite = summary;
                            } else if (summary.activeDays() > 0) {
                                apps.add(summary);
                            }
                        }
                        result.add(new UserUsage(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4),
                                r.getInt(5), apps, suite, window.get()));
                    }
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the usage of " + connectionId, e);
        }
    }

    /** Active users per app and platform over the window (and the suite; Teams on its own). */
    public List<AppTotals> appTotals(String connectionId) {
        try (Connection c = dataSource.getConnection()) {
            Optional<UsageWindow> window = window(c, connectionId);
            if (window.isEmpty()) {
                return List.of();
            }
            return totals(c, connectionId, window.get().start(), window.get().end(), false).values().iterator()
                    .next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the app totals of " + connectionId, e);
        }
    }

    /** Active users per app and platform on each day of the window. */
    public Map<LocalDate, List<AppTotals>> appTotalsPerDay(String connectionId) {
        try (Connection c = dataSource.getConnection()) {
            Optional<UsageWindow> window = window(c, connectionId);
            if (window.isEmpty()) {
                return Map.of();
            }
            return totals(c, connectionId, window.get().start(), window.get().end(), true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the daily app totals of " + connectionId, e);
        }
    }

    private static Map<LocalDate, List<AppTotals>> totals(Connection c, String connectionId, LocalDate start,
                                                          LocalDate end, boolean perDay) throws SQLException {
        // Over the window a user counts once: OR the user's days first; per day there is one row per user already.
        String source = perDay
                ? "SELECT day AS d, apps FROM daily_app_usage WHERE connection_id = ? AND day BETWEEN ? AND ?"
                : "SELECT NULL::date AS d, bit_or(apps) AS apps FROM daily_app_usage "
                + "WHERE connection_id = ? AND day BETWEEN ? AND ? GROUP BY user_key";
        List<int[]> columns = new ArrayList<>();   // [appIndex (6 = suite), platformIndex (-1 = any)]
        StringBuilder sql = new StringBuilder("SELECT d");
        for (int a = 0; a <= AppPlatformBits.APPS.size(); a++) {
            int appMask = a < AppPlatformBits.APPS.size() ? AppPlatformBits.appMask(AppPlatformBits.APPS.get(a))
                    : AppPlatformBits.SUITE_MASK;
            for (int p = -1; p < AppPlatformBits.PLATFORMS.size(); p++) {
                int mask = p < 0 ? appMask : appMask & AppPlatformBits.platformMask(AppPlatformBits.PLATFORMS.get(p));
                sql.append(", count(*) FILTER (WHERE apps & ").append(mask).append(" <> 0)");
                columns.add(new int[] {a, p});
            }
        }
        sql.append(" FROM (").append(source).append(") u GROUP BY d ORDER BY d");
        Map<LocalDate, List<AppTotals>> result = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            s.setString(1, connectionId);
            s.setDate(2, Date.valueOf(start));
            s.setDate(3, Date.valueOf(end));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<AppTotals> apps = new ArrayList<>();
                    int col = 2;
                    for (int a = 0; a <= AppPlatformBits.APPS.size(); a++) {
                        String name = a < AppPlatformBits.APPS.size() ? AppPlatformBits.APPS.get(a).wireName() : SUITE;
                        int total = r.getInt(col++);
                        Map<String, Integer> byPlatform = new LinkedHashMap<>();
                        for (UsagePlatform platform : AppPlatformBits.PLATFORMS) {
                            byPlatform.put(platform.wireName(), r.getInt(col++));
                        }
                        apps.add(new AppTotals(name, total, byPlatform));
                    }
                    result.put(r.getDate(1) == null ? end : r.getDate(1).toLocalDate(), apps);
                }
            }
        }
        if (result.isEmpty() && !perDay) {
            List<AppTotals> none = new ArrayList<>();
            for (int a = 0; a <= AppPlatformBits.APPS.size(); a++) {
                Map<String, Integer> byPlatform = new LinkedHashMap<>();
                AppPlatformBits.PLATFORMS.forEach(p -> byPlatform.put(p.wireName(), 0));
                none.add(new AppTotals(a < AppPlatformBits.APPS.size() ? AppPlatformBits.APPS.get(a).wireName()
                        : SUITE, 0, byPlatform));
            }
            result.put(end, none);
        }
        return result;
    }

    private static List<UsagePlatform> platforms(int apps) {
        List<UsagePlatform> used = new ArrayList<>();
        for (UsagePlatform platform : AppPlatformBits.PLATFORMS) {
            if ((apps & AppPlatformBits.platformMask(platform)) != 0) {
                used.add(platform);
            }
        }
        return used;
    }

    private static LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
