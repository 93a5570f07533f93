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
        } catch (SQLException e) {
            throw new ProjectionWriteException("cannot store user " + user.id() + " of " + connectionId, e);
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
