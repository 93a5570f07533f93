package io.m365platform.usage.ingestion;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The persisted work queue of report calls ({@code report_day}), claimed with {@code FOR UPDATE SKIP LOCKED} so that
 * several instances share it, and the throttle budget ({@code report_call}) checked under a per-(connection, report)
 * advisory lock so that two claimers never spend the same slot. Everything is in PostgreSQL: a restarted service
 * resumes from here.
 */
@ApplicationScoped
public class ReportDayQueue {

    private final AgroalDataSource dataSource;

    public ReportDayQueue(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Makes sure the connection has a state row and a queue row for each day (days already planned stay as are). */
    public int plan(String connectionId, String tenantId, String report, List<LocalDate> days, Instant notBefore) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO ingestion_state (connection_id, tenant_id) VALUES (?, ?)
                    ON CONFLICT (connection_id) DO UPDATE SET tenant_id = excluded.tenant_id
                    WHERE ingestion_state.tenant_id <> excluded.tenant_id""")) {
                s.setString(1, connectionId);
                s.setString(2, tenantId);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO report_day (connection_id, report, day, state, not_before)
                    SELECT ?, ?, d, 'pending', ? FROM unnest(?::date[]) AS d
                    ON CONFLICT DO NOTHING""")) {
                s.setString(1, connectionId);
                s.setString(2, report);
                s.setTimestamp(3, Timestamp.from(notBefore));
                s.setArray(4, c.createArrayOf("date", days.stream().map(Date::valueOf).toArray()));
                int planned = s.executeUpdate();
                if (planned > 0) {
                    newRun(c, connectionId);
                }
                return planned;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot plan report days of " + connectionId, e);
        }
    }

    /** New days planned (the backfill, a new day, a trigger) start a new ingestion run of the connection. */
    private static void newRun(Connection c, String connectionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE ingestion_state SET run_id = gen_random_uuid()::text, updated_at = now() WHERE connection_id = ?")) {
            s.setString(1, connectionId);
            s.executeUpdate();
        }
    }

    /**
     * Claims the next due day whose report still has throttle budget: the newest day first (a day with data tells
     * which older empty days are settled), a lease as its new not-before (a claimer that dies frees it), and a
     * counted call.
     */
    public Optional<ReportDay> claimNext(Instant now, int budget, Duration window, Duration lease) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<ReportDay> claimed = claim(c, now, budget, window, lease);
                c.commit();
                return claimed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim a report day", e);
        }
    }

    private Optional<ReportDay> claim(Connection c, Instant now, int budget, Duration window, Duration lease)
            throws SQLException {
        List<ReportDay> candidates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT d.connection_id, s.tenant_id, d.report, d.day, d.attempts FROM report_day d
                JOIN ingestion_state s ON s.connection_id = d.connection_id
                JOIN tracked_connection t ON t.connection_id = d.connection_id
                WHERE d.state = 'pending' AND d.not_before <= ?
                  AND t.status = 'connected' AND 'Reports.Read.All' = ANY (t.permissions)
                  AND (s.throttled_until IS NULL OR s.throttled_until <= ?)
                ORDER BY d.day DESC, d.connection_id
                LIMIT 32
                FOR UPDATE OF d SKIP LOCKED""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    candidates.add(new ReportDay(r.getString(1), r.getString(2), r.getString(3),
                            r.getDate(4).toLocalDate(), r.getInt(5) + 1));
                }
            }
        }
        for (ReportDay day : candidates) {
            if (!lockBudget(c, day) || callsInWindow(c, day, now, window) >= budget) {
                continue;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE report_day SET not_before = ?, attempts = attempts + 1
                    WHERE connection_id = ? AND report = ? AND day = ?""")) {
                s.setTimestamp(1, Timestamp.from(now.plus(lease)));
                s.setString(2, day.connectionId());
                s.setString(3, day.report());
                s.setDate(4, Date.valueOf(day.day()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO report_call (connection_id, report, called_at) VALUES (?, ?, ?)")) {
                s.setString(1, day.connectionId());
                s.setString(2, day.report());
                s.setTimestamp(3, Timestamp.from(now));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM report_call WHERE connection_id = ? AND report = ? AND called_at < ?")) {
                s.setString(1, day.connectionId());
                s.setString(2, day.report());
                s.setTimestamp(3, Timestamp.from(now.minus(window).minus(window)));
                s.executeUpdate();
            }
            return Optional.of(day);
        }
        return Optional.empty();
    }

    private static boolean lockBudget(Connection c, ReportDay day) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(?))")) {
            s.setString(1, "usage-report-budget/" + day.connectionId() + "/" + day.report());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static int callsInWindow(Connection c, ReportDay day, Instant now, Duration window) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT count(*) FROM report_call WHERE connection_id = ? AND report = ? AND called_at > ?""")) {
            s.setString(1, day.connectionId());
            s.setString(2, day.report());
            s.setTimestamp(3, Timestamp.from(now.minus(window)));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** A 429: this day and every call of the connection wait until {@code until} (Retry-After). */
    public void throttled(ReportDay day, Instant until, String reason) {
        update(day, "pending", until, reason);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE ingestion_state SET throttled_until = ?, updated_at = now() WHERE connection_id = ?")) {
            s.setTimestamp(1, Timestamp.from(until));
            s.setString(2, day.connectionId());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the throttle of " + day.connectionId(), e);
        }
    }

    /** Asked too early (no data yet) or failed for a reason that may pass: ask again at {@code notBefore}. */
    public void retryLater(ReportDay day, Instant notBefore, String reason) {
        update(day, "pending", notBefore, reason);
    }

    /**
     * Graph refuses the day (older than its 28 days): a day never ingested stays out of the window, a day ingested
     * before (asked again by a trigger) keeps what was stored.
     */
    public void unavailable(ReportDay day, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE report_day SET state = CASE WHEN ingested_at IS NULL THEN 'unavailable' ELSE 'ingested' END,
                                      not_before = ?, last_error = ?
                WHERE connection_id = ? AND report = ? AND day = ? AND state = 'pending'""")) {
            s.setTimestamp(1, Timestamp.from(Instant.EPOCH));
            s.setString(2, reason);
            s.setString(3, day.connectionId());
            s.setString(4, day.report());
            s.setDate(5, Date.valueOf(day.day()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update report day " + day, e);
        }
    }

    private void update(ReportDay day, String state, Instant notBefore, String reason) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE report_day SET state = ?, not_before = ?, last_error = ?
                WHERE connection_id = ? AND report = ? AND day = ? AND state = 'pending'""")) {
            s.setString(1, state);
            s.setTimestamp(2, Timestamp.from(notBefore));
            s.setString(3, reason);
            s.setString(4, day.connectionId());
            s.setString(5, day.report());
            s.setDate(6, Date.valueOf(day.day()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update report day " + day, e);
        }
    }

    /** Asks for days again (operator trigger): ingested and unavailable days become pending, due now. */
    public int requeue(String connectionId, String report, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE report_day SET state = 'pending', not_before = ?, last_error = NULL
                WHERE connection_id = ? AND report = ?""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, connectionId);
            s.setString(3, report);
            int requeued = s.executeUpdate();
            newRun(c, connectionId);
            return requeued;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot requeue the days of " + connectionId, e);
        }
    }

    /** Forgets everything of a deleted connection (its queue, calls, state and stored usage). */
    public void forget(String connectionId) {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("report_day", "report_call", "ingestion_state", "daily_app_usage",
                    "retracted_usage")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE connection_id = ?")) {
                    s.setString(1, connectionId);
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot forget the usage of " + connectionId, e);
        }
    }
}
