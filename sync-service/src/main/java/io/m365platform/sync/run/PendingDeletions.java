package io.m365platform.sync.run;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.contracts.WireName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code sync.pending_deletion}: deletions a run found but applies only at the end of the resource, after the
 * mass-deletion guard. Keeping them in the database lets a held or crashed run resume with them intact.
 */
public class PendingDeletions {

    private final Jdbc jdbc;

    public PendingDeletions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Connection c, UUID runId, String kind, Map<String, DeletionReason> objects) throws SQLException {
        if (objects.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into pending_deletion (run_id, kind, object_id, reason) "
                + "values (?, ?, ?, ?) on conflict (run_id, kind, object_id) do update set reason = excluded.reason")) {
            for (Map.Entry<String, DeletionReason> e : objects.entrySet()) {
                ps.setObject(1, runId);
                ps.setString(2, kind);
                ps.setString(3, e.getKey());
                ps.setString(4, e.getValue().wireName());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Objects seen again (restored, re-created) later in the same round are not deleted after all. */
    public void withdraw(Connection c, UUID runId, String kind, Collection<String> objectIds) throws SQLException {
        if (objectIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("delete from pending_deletion where run_id = ? and kind = ? "
                + "and object_id = any(?)")) {
            ps.setObject(1, runId);
            ps.setString(2, kind);
            ps.setArray(3, c.createArrayOf("text", objectIds.toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    /** The next {@code limit} pending deletions of a kind, by object id. */
    public Map<String, DeletionReason> next(UUID runId, String kind, int limit) {
        return jdbc.withConnection(c -> {
            Map<String, DeletionReason> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select object_id, reason from pending_deletion "
                    + "where run_id = ? and kind = ? order by object_id limit ?")) {
                ps.setObject(1, runId);
                ps.setString(2, kind);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), WireName.parse(DeletionReason.class, rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }
}
