package io.m365platform.sync.bench;

import io.m365platform.sync.db.Jdbc;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * What storing a full sync's rows costs PostgreSQL at the least, whatever the sync's design: the rows the measured
 * run stored are copied back into empty copies of their tables (schema {@code sync_floor}), 5,000 rows a
 * transaction (commits not waiting for the WAL flush, as the sync's pages), table after table, each on two
 * connections at once so that both cores work. Nothing is compared, staged, kept as raw edges or published. Two variants: the tables with the
 * service's indexes, and with primary keys only (the least any upsert needs).
 */
final class StorageFloor {

    private static final int CHUNK = 5000;
    private static final String SOURCE = "sync_bench";
    private static final String TARGET = "sync_floor";

    /** One variant: its rows, wall time, and the PostgreSQL CPU seconds of each table. */
    record Result(boolean serviceIndexes, long rows, double seconds, Map<String, Double> cpuByTable) {
        double postgresCpuSeconds() {
            return cpuByTable.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        String variant() {
            return serviceIndexes ? "the service's indexes" : "primary keys only";
        }

        double cpuOf(List<String> tables) {
            return tables.stream().mapToDouble(t -> cpuByTable.getOrDefault(t, 0.0)).sum();
        }
    }

    private StorageFloor() {
    }

    /** Both variants, for the rows of {@code tables} that belong to {@code connectionId}. */
    static List<Result> measure(Jdbc jdbc, String connectionId, List<String> tables, LongSupplier postgresCpuMillis,
                                Path work) throws Exception {
        if (!connectionId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a connection id: " + connectionId);
        }
        List<Path> dumps = new ArrayList<>();
        for (String table : tables) {
            dumps.add(dump(jdbc, table, connectionId, work));
        }
        List<Result> results = new ArrayList<>();
        results.add(load(jdbc, tables, dumps, true, postgresCpuMillis));
        results.add(load(jdbc, tables, dumps, false, postgresCpuMillis));
        for (Path dump : dumps) {
            Files.deleteIfExists(dump);
        }
        return results;
    }

    /** The connection's rows of {@code table}, in COPY's text format (one row a line), to a file. */
    private static Path dump(Jdbc jdbc, String table, String connectionId, Path work) {
        Path file = work.resolve("floor-" + table + ".copy");
        jdbc.withConnection(c -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select * from " + SOURCE + "." + table
                        + " where connection_id = '" + connectionId + "') to stdout", out);
            } catch (IOException e) {
                throw new java.sql.SQLException("dump of " + table + " failed", e);
            }
            return null;
        });
        return file;
    }

    /** The tables one after the other (so that each one's CPU can be told), each on two connections at once. */
    private static Result load(Jdbc jdbc, List<String> tables, List<Path> dumps, boolean serviceIndexes,
                               LongSupplier postgresCpuMillis) throws Exception {
        prepare(jdbc, tables, serviceIndexes);
        Map<String, Double> cpuByTable = new LinkedHashMap<>();
        long rows = 0;
        double seconds = 0;
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < tables.size(); i++) {
                ConcurrentLinkedQueue<byte[]> chunks = new ConcurrentLinkedQueue<>();
                List<String> lines = Files.readAllLines(dumps.get(i), StandardCharsets.UTF_8);
                rows += lines.size();
                for (int from = 0; from < lines.size(); from += CHUNK) {
                    StringBuilder text = new StringBuilder();
                    for (String line : lines.subList(from, Math.min(lines.size(), from + CHUNK))) {
                        text.append(line).append('\n');
                    }
                    chunks.add(text.toString().getBytes(StandardCharsets.UTF_8));
                }
                String copy = "copy " + TARGET + "." + tables.get(i) + " from stdin";
                long cpu0 = postgresCpuMillis.getAsLong();
                long t0 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    done.add(writers.submit(() -> {
                        for (byte[] chunk = chunks.poll(); chunk != null; chunk = chunks.poll()) {
                            byte[] text = chunk;
                            jdbc.inPageTransaction(c -> {
                                try {
                                    return c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy,
                                            new ByteArrayInputStream(text));
                                } catch (IOException e) {
                                    throw new java.sql.SQLException(copy + " failed", e);
                                }
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                seconds += (System.nanoTime() - t0) / 1e9;
                cpuByTable.put(tables.get(i), (postgresCpuMillis.getAsLong() - cpu0) / 1000.0);
            }
        } finally {
            writers.shutdown();
        }
        jdbc.inTransactionVoid(c -> exec(c, "drop schema if exists " + TARGET + " cascade"));
        return new Result(serviceIndexes, rows, seconds, cpuByTable);
    }

    /** Empty copies of the tables: with all their indexes, or with the primary key alone. */
    private static void prepare(Jdbc jdbc, List<String> tables, boolean serviceIndexes) {
        jdbc.inTransactionVoid(c -> {
            exec(c, "drop schema if exists " + TARGET + " cascade");
            exec(c, "create schema " + TARGET);
            for (String table : tables) {
                String source = SOURCE + "." + table;
                if (serviceIndexes) {
                    exec(c, "create table " + TARGET + "." + table + " (like " + source + " including all)");
                    continue;
                }
                exec(c, "create table " + TARGET + "." + table + " (like " + source
                        + " including defaults including generated)");
                String primaryKey;
                try (var ps = c.prepareStatement("select pg_get_constraintdef(oid) from pg_constraint "
                        + "where conrelid = ?::regclass and contype = 'p'")) {
                    ps.setString(1, source);
                    try (var rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException(source + " has no primary key");
                        }
                        primaryKey = rs.getString(1);
                    }
                }
                exec(c, "alter table " + TARGET + "." + table + " add " + primaryKey);
            }
        });
    }

    private static void exec(Connection c, String sql) throws java.sql.SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

}
