package io.m365platform.usage.daily;

import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.usage.DailyAppUsage;
import io.m365platform.usage.ingestion.ReportDay;
import io.m365platform.usage.reports.AppUserDetailCsv;
import jakarta.enterprise.context.ApplicationScoped;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Stores one getM365AppUserDetail day in {@code daily_app_usage}, in one transaction with the queue's bookkeeping:
 * the CSV is streamed into a temporary table with COPY (bounded memory, no per-row statements), rows are mapped to
 * user ids through the {@code directory_user} projection in SQL, and the day replaces what was stored for it.
 * <p>
 * A day without rows is stored only when a later day already had data (then nobody was active that day); otherwise
 * Graph has not processed it yet, and nothing is written: the day stays pending.
 */
@ApplicationScoped
public class DailyUsageStore {

    /** The name some reports give users Graph cannot name (new or removed accounts): never unique, never mapped. */
    static final String UNKNOWN_NAME = "(Unknown)";

    private final AgroalDataSource dataSource;

    public DailyUsageStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DayOutcome storeDay(ReportDay day, InputStream csv, Instant now) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                DayOutcome outcome = store(c, day, csv, now);
                if (outcome.stored()) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return outcome;
            } catch (SQLException | RuntimeException | IOException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store " + day, e);
        }
    }

    private DayOutcome store(Connection c, ReportDay day, InputStream csv, Instant now)
            throws SQLException, IOException {
        try (PreparedStatement s = c.prepareStatement("""
                CREATE TEMP TABLE staged_usage (ordinal integer, reported_name text, name_lower text COLLATE "C",
                                                concealed boolean, apps integer, last_activity_date date)
                ON COMMIT DROP""")) {
            s.execute();
        }
        try (PreparedStatement s = c.prepareStatement("SET LOCAL work_mem = '64MB'")) {
            s.execute();   // the UPN join hashes the tenant's users in memory instead of sorting them on disk
        }
        CopyText copy = new CopyText(c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY staged_usage (ordinal, reported_name, name_lower, concealed, apps, last_activity_date) FROM STDIN"));
        int[] concealed = new int[1];
        int[] ordinal = new int[1];
        int rows;
        try {
            rows = AppUserDetailCsv.read(csv, row -> {
                boolean hidden = DailyAppUsage.isConcealedName(row.reportedUserName());
                if (hidden) {
                    concealed[0]++;
                }
                try {
                    copy.number(++ordinal[0]).tab().text(row.reportedUserName()).tab()
                            .text(row.reportedUserName().toLowerCase(Locale.ROOT)).tab()
                            .bool(hidden).tab().number(row.apps()).tab()
                            .text(row.lastActivityDate() == null ? null : row.lastActivityDate().toString())
                            .endRow();
                } catch (SQLException e) {
                    throw new IllegalStateException("COPY into the staging table failed", e);
                }
            });
            copy.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        try (PreparedStatement s = c.prepareStatement("ANALYZE staged_usage")) {
            s.execute();   // a temporary table has no statistics: without them the join plan is a guess
        }
        LocalDate latest = lockLatestDataDay(c, day.connectionId());
        if (rows == 0 && (latest == null || !latest.isAfter(day.day()))) {
            return new DayOutcome(false, 0, 0, 0);
        }
        int unmapped = replaceDay(c, day);
        markIngested(c, day, rows, now);
        updateState(c, day, rows, concealed[0]);
        return new DayOutcome(true, rows, concealed[0], unmapped);
    }

    private static LocalDate lockLatestDataDay(Connection c, String connectionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT latest_data_day FROM ingestion_state WHERE connection_id = ? FOR UPDATE")) {
            s.setString(1, connectionId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Date d = r.getDate(1);
                return d == null ? null : d.toLocalDate();
            }
        }
    }

    /** Replaces the day's rows; returns how many rows (not concealed) did not map to a known user. */
    private static int replaceDay(Connection c, ReportDay day) throws SQLException {
        // The day's previous keys, published already: those the new rows lack are tombstoned on publication.
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO retracted_usage (connection_id, day, user_key)
                SELECT connection_id, day, user_key FROM daily_app_usage WHERE connection_id = ? AND day = ?
                ON CONFLICT DO NOTHING""")) {
            s.setString(1, day.connectionId());
            s.setDate(2, Date.valueOf(day.day()));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM daily_app_usage WHERE connection_id = ? AND day = ?")) {
            s.setString(1, day.connectionId());
            s.setDate(2, Date.valueOf(day.day()));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO daily_app_usage (connection_id, day, user_key, user_id, reported_name, concealed, apps,
                                             last_activity_date)
                SELECT ?, ?,
                       CASE WHEN u.user_id IS NOT NULL THEN u.user_id
                            WHEN st.reported_name = ? THEN st.name_lower || '#' || st.ordinal
                            ELSE st.name_lower END,
                       u.user_id, st.reported_name, st.concealed, st.apps, st.last_activity_date
                FROM staged_usage st
                LEFT JOIN directory_user u ON u.connection_id = ? AND NOT st.concealed
                                          AND u.upn_lower = st.name_lower
                ON CONFLICT DO NOTHING""")) {
            s.setString(1, day.connectionId());
            s.setDate(2, Date.valueOf(day.day()));
            s.setString(3, UNKNOWN_NAME);
            s.setString(4, day.connectionId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                DELETE FROM retracted_usage r USING daily_app_usage d
                WHERE r.connection_id = ? AND r.day = ? AND d.connection_id = r.connection_id AND d.day = r.day
                  AND d.user_key = r.user_key""")) {
            s.setString(1, day.connectionId());
            s.setDate(2, Date.valueOf(day.day()));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                SELECT count(*) FROM daily_app_usage
                WHERE connection_id = ? AND day = ? AND user_id IS NULL AND NOT concealed""")) {
            s.setString(1, day.connectionId());
            s.setDate(2, Date.valueOf(day.day()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static void markIngested(Connection c, ReportDay day, int rows, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE report_day SET state = 'ingested', row_count = ?, ingested_at = ?, published = false,
                                      last_error = NULL
                WHERE connection_id = ? AND report = ? AND day = ?""")) {
            s.setInt(1, rows);
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, day.connectionId());
            s.setString(4, day.report());
            s.setDate(5, Date.valueOf(day.day()));
            s.executeUpdate();
        }
    }

    private static void updateState(Connection c, ReportDay day, int rows, int concealed) throws SQLException {
        if (rows == 0) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE ingestion_state SET latest_data_day = GREATEST(latest_data_day, ?), concealed = ?,
                                           last_error = NULL, updated_at = now()
                WHERE connection_id = ?""")) {
            s.setDate(1, Date.valueOf(day.day()));
            s.setBoolean(2, concealed > 0);
            s.setString(3, day.connectionId());
            s.executeUpdate();
        }
    }
}
