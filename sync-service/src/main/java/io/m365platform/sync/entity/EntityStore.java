package io.m365platform.sync.entity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SQL for one entity kind's table, generated from its {@link EntityKind}: hash look-ups by page, batched upserts,
 * seen-marks for full reconciles, deletions, and keyset scans for re-publishing. All methods take the caller's
 * connection so that a page's writes share one transaction.
 */
public final class EntityStore<S> {

    /** Below this many rows a batched INSERT is as fast as COPY and needs no staging table. */
    private static final int COPY_THRESHOLD = 64;

    private final EntityKind<S> kind;
    private final ObjectReader reader;
    private final String upsertSql;
    private final String columnList;
    private final String stageTable;
    private final String mergeSql;

    public EntityStore(EntityKind<S> kind, ObjectMapper mapper) {
        this.kind = kind;
        this.reader = mapper.readerFor(kind.stateType());
        List<String> typed = kind.columns().stream().map(Column::name).toList();
        this.columnList = "connection_id, object_id, parent_id, " + String.join(", ", typed)
                + (typed.isEmpty() ? "" : ", ") + "data, content_hash, last_seen_run, synced_at";
        this.stageTable = "stage_" + kind.table();
        String onConflict = " on conflict (connection_id, object_id) do update set " + updateClause(typed);
        this.mergeSql = "insert into " + kind.table() + " (" + columnList + ") select " + columnList + " from "
                + stageTable + onConflict;
        String values = "?, ?, ?, " + typed.stream().map(c -> "?, ").collect(Collectors.joining())
                + "?, ?, ?, ?";
        this.upsertSql = "insert into " + kind.table() + " (" + columnList + ") values (" + values + ")" + onConflict;
    }

    private static String updateClause(List<String> typed) {
        return typed.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
                + (typed.isEmpty() ? "" : ", ") + "parent_id = excluded.parent_id, data = excluded.data, "
                + "content_hash = excluded.content_hash, last_seen_run = excluded.last_seen_run, "
                + "synced_at = excluded.synced_at";
    }

    public EntityKind<S> kind() {
        return kind;
    }

    /** Stored content hashes of the given objects (absent ones are missing from the map). */
    public Map<String, byte[]> hashes(Connection c, String connectionId, Collection<String> objectIds)
            throws SQLException {
        Map<String, byte[]> out = new HashMap<>(objectIds.size() * 2);
        if (objectIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select object_id, content_hash from " + kind.table()
                + " where connection_id = ? and object_id = any(?)")) {
            ps.setString(1, connectionId);
            ps.setArray(2, c.createArrayOf("text", objectIds.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBytes(2));
                }
            }
        }
        return out;
    }

    /** Stored content hashes of the children of the given owners, by object id. */
    public Map<String, byte[]> childHashes(Connection c, String connectionId, Collection<String> parentIds)
            throws SQLException {
        Map<String, byte[]> out = new HashMap<>(parentIds.size() * 4);
        if (parentIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select object_id, content_hash from " + kind.table()
                + " where connection_id = ? and parent_id = any(?)")) {
            ps.setString(1, connectionId);
            ps.setArray(2, c.createArrayOf("text", parentIds.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBytes(2));
                }
            }
        }
        return out;
    }

    /** Children of {@code parentId} this run has not seen, except {@code exclude} (seen in the current page). */
    public Map<String, S> unseenChildren(Connection c, String connectionId, UUID runId, String parentId,
                                         Collection<String> exclude) throws SQLException {
        Map<String, S> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select object_id, data from " + kind.table()
                + " where connection_id = ? and parent_id = ? and last_seen_run is distinct from ? "
                + "and not (object_id = any(?))")) {
            ps.setString(1, connectionId);
            ps.setString(2, parentId);
            ps.setObject(3, runId);
            ps.setArray(4, c.createArrayOf("text", exclude.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), parse(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Object ids and states of the stored objects whose {@code column} is one of {@code ids}. */
    public Map<String, S> loadReferencing(Connection c, String connectionId, String column, Collection<String> ids)
            throws SQLException {
        Map<String, S> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        if (!column.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        try (PreparedStatement ps = c.prepareStatement("select object_id, data from " + kind.table()
                + " where connection_id = ? and " + column + " = any(?)")) {
            ps.setString(1, connectionId);
            ps.setArray(2, c.createArrayOf("text", ids.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), parse(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** How many of the run's pending deletions of this kind name stored objects. */
    public long countPendingStored(Connection c, String connectionId, UUID runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from pending_deletion p join " + kind.table()
                + " t on t.connection_id = ? and t.object_id = p.object_id where p.run_id = ? and p.kind = ?")) {
            ps.setString(1, connectionId);
            ps.setObject(2, runId);
            ps.setString(3, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Stores the rows of a page: {@code created} are objects the page's hash look-up did not find, {@code changed}
     * the others (at most one call per kind and transaction: the staging table empties at commit).
     *
     * <p>A page-sized set of new rows is copied straight into the table (COPY: no per-row parameters, no staging,
     * no conflict handling) — the bulk of a first sync. Only this run's lease holder writes the connection's rows,
     * so none of them can exist; should one exist all the same (a fenced-off instance still writing), the COPY is
     * rolled back to a savepoint and the rows are merged instead. Changed rows go through COPY into a
     * session-local staging table and one INSERT ... SELECT ... ON CONFLICT; a few rows through a batch.
     */
    public void store(Connection c, String connectionId, UUID runId, Instant syncedAt, List<StoredRow<S>> created,
                      List<StoredRow<S>> changed) throws SQLException {
        PGConnection pg = created.size() >= COPY_THRESHOLD ? unwrapPostgres(c) : null;
        if (pg == null) {
            upsert(c, connectionId, runId, syncedAt, concat(created, changed));
            return;
        }
        java.sql.Savepoint beforeCopy = c.setSavepoint();
        try {
            copyIn(pg, kind.table(), connectionId, runId, syncedAt, created);
            c.releaseSavepoint(beforeCopy);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeCopy);
            upsert(c, connectionId, runId, syncedAt, concat(created, changed));
            return;
        }
        upsert(c, connectionId, runId, syncedAt, changed);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? b : a;
        }
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /**
     * Inserts or updates rows (at most one call per kind and transaction: the staging table empties at commit).
     * A page-sized set goes through COPY into a session-local staging table and one
     * INSERT ... SELECT ... ON CONFLICT (no per-row parameters to bind and parse), a few rows through a batch.
     */
    public void upsert(Connection c, String connectionId, UUID runId, Instant syncedAt, List<StoredRow<S>> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (rows.size() >= COPY_THRESHOLD) {
            PGConnection pg = unwrapPostgres(c);
            if (pg != null) {
                copyUpsert(c, pg, connectionId, runId, syncedAt, rows);
                return;
            }
        }
        List<Column<S>> columns = kind.columns();
        Timestamp at = Timestamp.from(syncedAt);
        try (PreparedStatement ps = c.prepareStatement(upsertSql)) {
            for (StoredRow<S> row : rows) {
                int i = 1;
                ps.setString(i++, connectionId);
                ps.setString(i++, row.objectId());
                ps.setString(i++, row.parentId());
                for (Column<S> column : columns) {
                    column.bind(ps, i++, row.state());
                }
                ps.setString(i++, new String(row.json(), StandardCharsets.UTF_8));
                ps.setBytes(i++, row.hash());
                ps.setObject(i++, runId);
                ps.setTimestamp(i, at);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void copyUpsert(Connection c, PGConnection pg, String connectionId, UUID runId, Instant syncedAt,
                            List<StoredRow<S>> rows) throws SQLException {
        try (Statement st = c.createStatement()) {
            // Session-local, emptied at every commit: pooled connections keep it, concurrent runs never share it.
            st.execute("create temp table if not exists " + stageTable + " (like " + kind.table()
                    + ") on commit delete rows");
        }
        copyIn(pg, stageTable, connectionId, runId, syncedAt, rows);
        try (Statement st = c.createStatement()) {
            st.executeUpdate(mergeSql);
        }
    }

    /** COPY of rows into {@code table} (the kind's table or its staging table). */
    private void copyIn(PGConnection pg, String table, String connectionId, UUID runId, Instant syncedAt,
                        List<StoredRow<S>> rows) throws SQLException {
        int expected = 0;
        for (StoredRow<S> row : rows) {
            expected += row.json().length + 256;
        }
        CopyText text = new CopyText(expected);
        String run = runId.toString();
        for (StoredRow<S> row : rows) {
            text.text(connectionId);
            text.text(row.objectId());
            text.text(row.parentId());
            for (Column<S> column : kind.columns()) {
                column.copy(text, row.state());
            }
            text.utf8(row.json());
            text.bytes(row.hash());
            text.raw(run);
            text.timestamp(syncedAt);
            text.endRow();
        }
        try {
            pg.getCopyAPI().copyIn("copy " + table + " (" + columnList + ") from stdin", text.stream());
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    private static PGConnection unwrapPostgres(Connection c) {
        try {
            return c.isWrapperFor(PGConnection.class) ? c.unwrap(PGConnection.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** Records that a full reconcile saw these (unchanged) objects, so that the final sweep keeps them. */
    public void markSeen(Connection c, String connectionId, UUID runId, Collection<String> objectIds)
            throws SQLException {
        if (objectIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("update " + kind.table() + " set last_seen_run = ? "
                + "where connection_id = ? and object_id = any(?)")) {
            ps.setObject(1, runId);
            ps.setString(2, connectionId);
            ps.setArray(3, c.createArrayOf("text", objectIds.toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    /** The stored states of the given objects, in no particular order. */
    public Map<String, S> load(Connection c, String connectionId, Collection<String> objectIds) throws SQLException {
        Map<String, S> out = new LinkedHashMap<>();
        if (objectIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select object_id, data from " + kind.table()
                + " where connection_id = ? and object_id = any(?)")) {
            ps.setString(1, connectionId);
            ps.setArray(2, c.createArrayOf("text", objectIds.toArray(String[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), parse(rs.getString(2)));
                }
            }
        }
        return out;
    }

    public int delete(Connection c, String connectionId, Collection<String> objectIds) throws SQLException {
        if (objectIds.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("delete from " + kind.table()
                + " where connection_id = ? and object_id = any(?)")) {
            ps.setString(1, connectionId);
            ps.setArray(2, c.createArrayOf("text", objectIds.toArray(String[]::new)));
            return ps.executeUpdate();
        }
    }

    /**
     * Queues every stored object that this run's full reconcile did not see as a pending deletion (reason
     * not-found), limited to the given owners when {@code parentIds} is not null. Returns how many were queued.
     */
    public int queueUnseen(Connection c, String connectionId, UUID runId, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into pending_deletion (run_id, kind, object_id, reason) "
                + "select ?, ?, object_id, ? from " + kind.table()
                + " where connection_id = ? and last_seen_run is distinct from ? on conflict do nothing")) {
            ps.setObject(1, runId);
            ps.setString(2, kind.name());
            ps.setString(3, reason);
            ps.setString(4, connectionId);
            ps.setObject(5, runId);
            return ps.executeUpdate();
        }
    }

    public long count(Connection c, String connectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from " + kind.table()
                + " where connection_id = ?")) {
            ps.setString(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Up to {@code limit} stored states with object ids after {@code afterObjectId} (keyset paging). */
    public List<Stored<S>> scan(Connection c, String connectionId, String afterObjectId, int limit)
            throws SQLException {
        List<Stored<S>> out = new ArrayList<>(limit);
        try (PreparedStatement ps = c.prepareStatement("select object_id, data from " + kind.table()
                + " where connection_id = ? and object_id > ? order by object_id limit ?")) {
            ps.setString(1, connectionId);
            ps.setString(2, afterObjectId == null ? "" : afterObjectId);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored<>(rs.getString(1), parse(rs.getString(2))));
                }
            }
        }
        return out;
    }

    public S parse(String json) {
        try {
            return reader.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + kind.name() + " state is not readable", e);
        }
    }

    /** A stored object: its id and state. */
    public record Stored<S>(String objectId, S state) {
    }
}
