package io.m365platform.connection.store;

import io.m365platform.connection.crypto.CredentialKind;
import io.m365platform.connection.crypto.SealedSecret;
import io.m365platform.connection.crypto.SecretSlot;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code sealed_credentials} table: ciphertext only; sealing and opening happen in the crypto package. */
@ApplicationScoped
public class SealedCredentialStore {

    private final DataSource dataSource;

    public SealedCredentialStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored credential with its slot, for the re-encryption job. */
    public record Stored(SecretSlot slot, SealedSecret sealed) {
    }

    public void put(SecretSlot slot, SealedSecret sealed, Instant now) {
        String sql = "insert into sealed_credentials (connection_id, kind, ciphertext, key_id, updated_at) values (?,?,?,?,?)"
                + " on conflict (connection_id, kind) do update set ciphertext = excluded.ciphertext,"
                + " key_id = excluded.key_id, updated_at = excluded.updated_at";
        try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, slot.connectionId());
            s.setString(2, slot.kind().wireName());
            s.setBytes(3, sealed.ciphertext());
            s.setLong(4, sealed.keyId());
            s.setTimestamp(5, Timestamp.from(now));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store the " + slot.kind().wireName() + " of connection " + slot.connectionId(), e);
        }
    }

    public Optional<SealedSecret> get(SecretSlot slot) {
        String sql = "select ciphertext, key_id from sealed_credentials where connection_id = ? and kind = ?";
        try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, slot.connectionId());
            s.setString(2, slot.kind().wireName());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new SealedSecret(r.getBytes(1), r.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the " + slot.kind().wireName() + " of connection " + slot.connectionId(), e);
        }
    }

    public void delete(SecretSlot slot) {
        try (java.sql.Connection db = dataSource.getConnection();
             PreparedStatement s = db.prepareStatement("delete from sealed_credentials where connection_id = ? and kind = ?")) {
            s.setObject(1, slot.connectionId());
            s.setString(2, slot.kind().wireName());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot delete a credential of connection " + slot.connectionId(), e);
        }
    }

    /**
     * Up to {@code limit} credentials sealed with a key other than {@code keyId}, in slot order, after the slot
     * {@code after} (keyset pagination: a pass visits each row once even when some cannot be re-encrypted).
     */
    public List<Stored> sealedWithOtherKey(long keyId, java.util.Optional<SecretSlot> after, int limit) {
        String sql = "select connection_id, kind, ciphertext, key_id from sealed_credentials where key_id <> ?"
                + (after.isPresent() ? " and (connection_id, kind) > (?, ?)" : "")
                + " order by connection_id, kind limit ?";
        try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            int i = 1;
            s.setLong(i++, keyId);
            if (after.isPresent()) {
                s.setObject(i++, after.get().connectionId());
                s.setString(i++, after.get().kind().wireName());
            }
            s.setInt(i, limit);
            List<Stored> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Stored(new SecretSlot(r.getObject(1, UUID.class), CredentialKind.of(r.getString(2))),
                            new SealedSecret(r.getBytes(3), r.getLong(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list credentials to re-encrypt", e);
        }
    }

    /**
     * Replaces a credential only if it still holds {@code expected} (a concurrent rotation wins over re-encryption).
     *
     * @return true when replaced
     */
    public boolean replaceIfUnchanged(SecretSlot slot, SealedSecret expected, SealedSecret replacement, Instant now) {
        String sql = "update sealed_credentials set ciphertext = ?, key_id = ?, updated_at = ?"
                + " where connection_id = ? and kind = ? and ciphertext = ?";
        try (java.sql.Connection db = dataSource.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setBytes(1, replacement.ciphertext());
            s.setLong(2, replacement.keyId());
            s.setTimestamp(3, Timestamp.from(now));
            s.setObject(4, slot.connectionId());
            s.setString(5, slot.kind().wireName());
            s.setBytes(6, expected.ciphertext());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("cannot re-encrypt a credential of connection " + slot.connectionId(), e);
        }
    }

    /** How many credentials each key protects (for the re-encryption status). */
    public java.util.Map<Long, Integer> countByKey() {
        java.util.Map<Long, Integer> out = new java.util.TreeMap<>();
        try (java.sql.Connection db = dataSource.getConnection();
             PreparedStatement s = db.prepareStatement("select key_id, count(*) from sealed_credentials group by key_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getLong(1), r.getInt(2));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot count credentials by key", e);
        }
    }
}
