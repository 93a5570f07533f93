package io.m365platform.sync.run;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.db.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** {@code sync.delta_link}: where the next delta round of a connection's users or groups continues. */
public class DeltaLinks {

    private final Jdbc jdbc;

    public DeltaLinks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DeltaLink> find(String connectionId, SyncResource resource) {
        return jdbc.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select link, obtained_at from delta_link "
                    + "where connection_id = ? and resource = ?")) {
                ps.setString(1, connectionId);
                ps.setString(2, resource.wireName());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new DeltaLink(rs.getString(1), rs.getTimestamp(2).toInstant()))
                            : Optional.empty();
                }
            }
        });
    }

    public void put(Connection c, String connectionId, SyncResource resource, String link, Instant obtainedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into delta_link (connection_id, resource, link, "
                + "obtained_at) values (?, ?, ?, ?) on conflict (connection_id, resource) do update set "
                + "link = excluded.link, obtained_at = excluded.obtained_at")) {
            ps.setString(1, connectionId);
            ps.setString(2, resource.wireName());
            ps.setString(3, link);
            ps.setTimestamp(4, Timestamp.from(obtainedAt));
            ps.executeUpdate();
        }
    }

    public void deleteAll(Connection c, String connectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from delta_link where connection_id = ?")) {
            ps.setString(1, connectionId);
            ps.executeUpdate();
        }
    }

    public record DeltaLink(String link, Instant obtainedAt) {
    }
}
