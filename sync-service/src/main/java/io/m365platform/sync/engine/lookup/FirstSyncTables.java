package io.m365platform.sync.engine.lookup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per run: which of the connection's tables the run syncs for the first time. Decided once per table, the first time
 * the run asks (before it writes the table): a table without a row of the connection gets a {@link FreshTable},
 * any other {@link StoredObjects#ANY}.
 */
public final class FirstSyncTables {

    private final String connectionId;
    private final Map<String, StoredObjects> tables = new ConcurrentHashMap<>();

    public FirstSyncTables(String connectionId) {
        this.connectionId = connectionId;
    }

    /** What may be stored in {@code table} (a table of schema {@code sync} with a {@code connection_id} column). */
    public StoredObjects of(Connection c, String table) throws SQLException {
        StoredObjects known = tables.get(table);
        if (known == null) {
            known = hasRows(c, table) ? StoredObjects.ANY : new FreshTable();
            tables.put(table, known);
        }
        return known;
    }

    private boolean hasRows(Connection c, String table) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select exists (select 1 from " + table + " where connection_id = ?)")) {
            ps.setString(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
