package io.m365platform.sync.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the planner's statistics in step with tables that a first full sync grows from nothing to hundreds of
 * thousands of rows in minutes, long before autovacuum analyses them: planned against "empty", look-ups by id
 * become sequential scans and a sync turns quadratic. A table is analysed each time the rows written to it since
 * its last analysis exceed twice what it held then (so a few times per order of magnitude).
 */
public final class TableStatistics {

    private static final long FIRST_ANALYSIS = 2_000;

    private final Map<String, long[]> tables = new ConcurrentHashMap<>();

    /** Records rows written to {@code table}; returns true when it is time to analyse it. */
    public boolean wrote(String table, long rows) {
        long[] state = tables.computeIfAbsent(table, t -> new long[] {0, 0});
        synchronized (state) {
            state[0] += rows;
            long threshold = Math.max(FIRST_ANALYSIS, 2 * state[1]);
            if (state[0] >= threshold) {
                state[1] += state[0];
                state[0] = 0;
                return true;
            }
            return false;
        }
    }

    public void analyze(Jdbc jdbc, String table) {
        jdbc.withConnection(c -> {
            analyze(c, table);
            return null;
        });
    }

    public static void analyze(Connection c, String table) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        try (Statement s = c.createStatement()) {
            s.execute("analyze " + table);
        }
    }
}
