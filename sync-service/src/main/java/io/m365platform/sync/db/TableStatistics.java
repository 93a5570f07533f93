package io.m365platform.sync.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the planner's statistics in step with tables that a first full sync grows by hundreds of thousands of rows
 * in minutes, long before autovacuum analyses them. Planned against statistics that do not know the connection (an
 * empty table, or one holding other tenants), "1 row" is expected for it, look-ups by id scan all of its rows
 * instead of probing the key, and the sync turns quadratic. So the bookkeeping is per table and connection: a table
 * is analysed each time the rows one connection wrote to it since the table's last analysis exceed twice what that
 * connection had written before it (a few times per order of magnitude of each connection's growth).
 */
public final class TableStatistics {

    private static final long FIRST_ANALYSIS = 2_000;

    /** Per table: per connection {rows written since the table's last analysis, rows written before it}. */
    private final Map<String, Map<String, long[]>> tables = new ConcurrentHashMap<>();

    /** Records rows a connection wrote to {@code table}; returns true when it is time to analyse the table. */
    public boolean wrote(String table, String connectionId, long rows) {
        Map<String, long[]> connections = tables.computeIfAbsent(table, t -> new java.util.HashMap<>());
        synchronized (connections) {
            long[] state = connections.computeIfAbsent(connectionId, c -> new long[] {0, 0});
            state[0] += rows;
            if (state[0] < Math.max(FIRST_ANALYSIS, 2 * state[1])) {
                return false;
            }
            // The analysis about to run covers every connection's rows written so far.
            for (long[] other : connections.values()) {
                other[1] += other[0];
                other[0] = 0;
            }
            return true;
        }
    }

    /**
     * Statistics of the columns look-ups are planned by (connection, id, owner), from a small sample (about 3,000
     * rows instead of 30,000): a few percent of a full ANALYZE of a large table, which matters because it runs a
     * few times per order of magnitude of every connection's growth. The other columns are left to autovacuum.
     */
    public void analyzeKeys(Jdbc jdbc, String table, String... columns) {
        jdbc.inTransactionVoid(c -> analyzeKeys(c, table, columns));
    }

    /** {@link #analyzeKeys(Jdbc, String, String...)} in the caller's transaction. */
    public static void analyzeKeys(Connection c, String table, String... columns) throws SQLException {
        requireName(table);
        for (String name : columns) {
            requireName(name);
        }
        try (Statement s = c.createStatement()) {
            s.execute("set local default_statistics_target = 10");
            s.execute("analyze " + table + " (" + String.join(", ", columns) + ")");
        }
    }

    public static void analyze(Connection c, String table) throws SQLException {
        requireName(table);
        try (Statement s = c.createStatement()) {
            s.execute("analyze " + table);
        }
    }

    private static void requireName(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table or column name: " + name);
        }
    }
}
