package io.m365platform.connection.store;

import io.m365platform.connection.crypto.SealedSecret;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Admin sign-ins in progress ({@code admin_sign_ins}): state → connection, sealed PKCE verifier, redirect URI. */
@ApplicationScoped
public class SignInStore {

    private final DataSource dataSource;

    public SignInStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A sign-in waiting for its callback.
     *
     * @param state        the OAuth state (random, single use)
     * @param connectionId the connection being signed in
     * @param codeVerifier the sealed PKCE code verifier
     * @param redirectUri  the redirect URI sent with the authorization request (the code redemption must repeat it)
     * @param scopes       the delegated scopes requested
     * @param authorizationUrl the URL the admin was sent to
     * @param startedBy    who started it
     * @param expiresAt    when the state stops being accepted
     */
    public record PendingSignIn(String state, UUID connectionId, SealedSecret codeVerifier, String redirectUri,
                                java.util.List<String> scopes, String authorizationUrl, String startedBy,
                                Instant expiresAt) {
        public PendingSignIn {
            scopes = java.util.List.copyOf(scopes);
        }
    }

    public void insert(PendingSignIn p, Instant now) {
        String sql = "insert into admin_sign_ins (state, connection_id, code_verifier, code_verifier_key_id, redirect_uri,"
                + " scopes, authorization_url, started_by, created_at, expires_at) values (?,?,?,?,?,?,?,?,?,?)";
        try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, p.state());
            s.setObject(2, p.connectionId());
            s.setBytes(3, p.codeVerifier().ciphertext());
            s.setLong(4, p.codeVerifier().keyId());
            s.setString(5, p.redirectUri());
            s.setArray(6, db.createArrayOf("text", p.scopes().toArray()));
            s.setString(7, p.authorizationUrl());
            s.setString(8, p.startedBy());
            s.setTimestamp(9, Timestamp.from(now));
            s.setTimestamp(10, Timestamp.from(p.expiresAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot record the admin sign-in of connection " + p.connectionId(), e);
        }
    }

    /** Removes and returns the sign-in for {@code state}: a state can be redeemed once. */
    public Optional<PendingSignIn> take(String state) {
        String sql = "delete from admin_sign_ins where state = ? returning state, connection_id, code_verifier,"
                + " code_verifier_key_id, redirect_uri, scopes, authorization_url, started_by, expires_at";
        try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, state);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PendingSignIn(r.getString(1), r.getObject(2, UUID.class),
                        new SealedSecret(r.getBytes(3), r.getLong(4)), r.getString(5),
                        java.util.Arrays.asList((String[]) r.getArray(6).getArray()), r.getString(7), r.getString(8),
                        r.getTimestamp(9).toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read an admin sign-in", e);
        }
    }

    public int deleteExpired(Instant now) {
        try (java.sql.Connection db = dataSource.getConnection();
             PreparedStatement s = db.prepareStatement("delete from admin_sign_ins where expires_at < ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot purge expired admin sign-ins", e);
        }
    }
}
