package io.m365platform.usage.directory;

import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.directory.DirectoryUser;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/** The {@code directory_user} projection of m365.directory.users: UPN → user id for report rows. */
@ApplicationScoped
public class DirectoryUsers {

    private final AgroalDataSource dataSource;

    public DirectoryUsers(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the user's state unless a newer observation is already stored. */
    public void upsert(String connectionId, DirectoryUser user, Instant observedAt) {
        String sql = """
                INSERT INTO directory_user (connection_id, user_id, user_principal_name, upn_lower, display_name,
                                            account_enabled, last_sign_in, observed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (connection_id, user_id) DO UPDATE SET
                    user_principal_name = excluded.user_principal_name, upn_lower = excluded.upn_lower,
                    display_name = excluded.display_name, account_enabled = excluded.account_enabled,
                    last_sign_in = excluded.last_sign_in, observed_at = excluded.observed_at
                WHERE directory_user.observed_at <= excluded.observed_at
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, connectionId);
            s.setString(2, user.id());
            s.setString(3, user.userPrincipalName());
            s.setString(4, user.userPrincipalName().toLowerCase(Locale.ROOT));
            s.setString(5, user.displayName());
            s.setObject(6, user.accountEnabled());
            Instant lastSignIn = user.signInActivity() == null ? null
                    : user.signInActivity().lastSuccessfulSignInDateTime();
            s.setTimestamp(7, lastSignIn == null ? null : Timestamp.from(lastSignIn));
            s.setTimestamp(8, Timestamp.from(observedAt));
            s.executeUpdate();
            mapEarlierRows(c, connectionId, user.id(), user.userPrincipalName().toLowerCase(Locale.ROOT));
        } catch (SQLException e) {
            throw new ProjectionWriteException("cannot store user " + user.id() + " of " + connectionId, e);
        }
    }

    /**
     * Usage rows ingested before the user reached this projection (a new connection's reports are often read while
     * its first sync runs) were kept unmapped under the reported name. Now that the user is known they move to the
     * user's id: the old keys are retracted (tombstoned on m365.usage.daily) and their days published again.
     * Concealed rows are never mapped.
     */
    private static void mapEarlierRows(Connection c, String connectionId, String userId, String upnLower)
            throws SQLException {
        String lockDays = """
                SELECT r.day FROM report_day r
                WHERE r.connection_id = ? AND r.state = 'ingested' AND r.day IN (
                    SELECT d.day FROM daily_app_usage d
                    WHERE d.connection_id = ? AND d.user_key = ? AND d.user_id IS NULL AND NOT d.concealed)
                ORDER BY r.day FOR UPDATE OF r""";
        String move = """
                WITH moved AS (
                    UPDATE daily_app_usage d SET user_key = ?, user_id = ?
                    WHERE d.connection_id = ? AND d.user_key = ? AND d.user_id IS NULL AND NOT d.concealed
                      AND NOT EXISTS (SELECT 1 FROM daily_app_usage m
                                      WHERE m.connection_id = d.connection_id AND m.day = d.day AND m.user_key = ?)
                    RETURNING d.day),
                retracted AS (
                    INSERT INTO retracted_usage (connection_id, day, user_key)
                    SELECT ?, day, ? FROM moved ON CONFLICT DO NOTHING)
                UPDATE report_day r SET published = false
                FROM moved WHERE r.connection_id = ? AND r.day = moved.day AND r.state = 'ingested'
                """;
        // One transaction, the days locked first: a publisher of one of them (DailyUsagePublisher, which holds the
        // same lock until it marks the day published) finishes before the rows move, and the day is published again.
        c.setAutoCommit(false);
        try (PreparedStatement lock = c.prepareStatement(lockDays); PreparedStatement s = c.prepareStatement(move)) {
            lock.setString(1, connectionId);
            lock.setString(2, connectionId);
            lock.setString(3, upnLower);
            lock.executeQuery().close();
            s.setString(1, userId);
            s.setString(2, userId);
            s.setString(3, connectionId);
            s.setString(4, upnLower);
            s.setString(5, userId);
            s.setString(6, connectionId);
            s.setString(7, upnLower);
            s.setString(8, connectionId);
            s.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    public void delete(String connectionId, String userId) {
        ProjectionSql.delete(dataSource, "DELETE FROM directory_user WHERE connection_id = ? AND user_id = ?",
                connectionId, userId);
    }

    /** Forgets a deleted connection's users. */
    public void deleteConnection(String connectionId) {
        ProjectionSql.delete(dataSource, "DELETE FROM directory_user WHERE connection_id = ?", connectionId);
    }
}
