package io.m365platform.sync.resource.groups;

import io.m365platform.contracts.directory.MemberType;
import io.m365platform.contracts.EventKey;
import io.m365platform.sync.engine.lookup.StoredObjects;
import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.engine.RunScope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The raw direct-member edges a page reported ({@code members@delta}), written in the page's transaction. Every
 * group whose edges changed is marked dirty: its published memberships (direct and transitive) are recomputed at
 * the end of the groups step.
 */
public final class MemberEdges {

    private final RunScope run;
    private final String connectionId;
    private final UUID runId;
    private final List<String[]> added = new ArrayList<>();
    private final List<String[]> removed = new ArrayList<>();
    private final Set<String> dirty = new LinkedHashSet<>();
    private final Set<String> teamRefresh = new LinkedHashSet<>();

    private final io.m365platform.sync.db.TableStatistics statistics;

    private MemberEdges(RunScope run) {
        this.run = run;
        this.connectionId = run.connectionId();
        this.runId = run.runId();
        this.statistics = run.engine().jdbc().statistics();
    }

    static MemberEdges of(PageChanges changes, RunScope run) {
        return changes.attachment(MemberEdges.class, c -> {
            MemberEdges edges = new MemberEdges(run);
            c.write(edges::apply);
            return edges;
        });
    }

    void add(String groupId, String memberId, MemberType type) {
        added.add(new String[] {groupId, memberId, type.wireName()});
        dirty.add(groupId);
    }

    void remove(String groupId, String memberId) {
        removed.add(new String[] {groupId, memberId});
        dirty.add(groupId);
    }

    void touch(String groupId) {
        dirty.add(groupId);
    }

    /** The group changed: if it is a team, an incremental run re-reads the team's members. */
    void refreshTeam(String groupId) {
        teamRefresh.add(groupId);
    }

    private void apply(Connection c) throws SQLException {
        if (!removed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("delete from group_member_edge where connection_id = ? "
                    + "and group_id = ? and member_id = ?")) {
                for (String[] e : removed) {
                    ps.setString(1, connectionId);
                    ps.setString(2, e[0]);
                    ps.setString(3, e[1]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        StoredObjects stored = added.isEmpty() ? StoredObjects.ANY : run.storedObjects(c, "group_member_edge");
        boolean postgres = c.isWrapperFor(org.postgresql.PGConnection.class);
        List<String[]> upserts = stored.firstSync() && postgres && added.size() >= 64 ? copyNew(c, stored) : added;
        if (upserts.size() >= 64 && postgres) {
            copyAdded(c, upserts);
        } else if (!upserts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into group_member_edge (connection_id, group_id, "
                    + "member_id, member_type, last_seen_run) values (?, ?, ?, ?, ?) on conflict (connection_id, "
                    + "group_id, member_id) do update set member_type = excluded.member_type, "
                    + "last_seen_run = excluded.last_seen_run")) {
                for (String[] e : upserts) {
                    ps.setString(1, connectionId);
                    ps.setString(2, e[0]);
                    ps.setString(3, e[1]);
                    ps.setString(4, e[2]);
                    ps.setObject(5, runId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!added.isEmpty() && statistics.wrote("group_member_edge", connectionId, added.size())) {
            io.m365platform.sync.db.TableStatistics.analyzeKeys(c, "group_member_edge", "connection_id",
                    "group_id", "member_id");
        }
        if (stored.firstSync()) {
            // Marked whatever the outcome (a rolled-back page included): a false "may be stored" costs only an upsert.
            for (String[] e : added) {
                stored.writing(EventKey.of(e[0], e[1]), null);
            }
        }
        markDirty(c, connectionId, dirty);
        if (!teamRefresh.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("insert into team_refresh (connection_id, group_id) "
                    + "select ?, unnest(?::text[]) on conflict do nothing")) {
                ps.setString(1, connectionId);
                ps.setArray(2, c.createArrayOf("text", teamRefresh.toArray(String[]::new)));
                ps.executeUpdate();
            }
        }
    }

    /**
     * A first sync's edges that this run cannot have written before (its filter says so) are copied straight into
     * the table (no staging, no conflict handling), as the entity tables' new rows are. Returns the edges left to
     * upsert: those the filter says may be stored (a group's members repeated across pages, or a false positive), or
     * all of them should one exist after all (the COPY is then undone).
     */
    private List<String[]> copyNew(Connection c, StoredObjects stored) throws SQLException {
        // A page may repeat an edge: the last one counts, as the upsert's DISTINCT ON does.
        java.util.Map<String, String[]> edges = new java.util.LinkedHashMap<>(added.size() * 2);
        for (String[] e : added) {
            edges.put(EventKey.of(e[0], e[1]), e);
        }
        List<String[]> surelyNew = new ArrayList<>(edges.size());
        List<String[]> mayBeStored = new ArrayList<>();
        for (java.util.Map.Entry<String, String[]> e : edges.entrySet()) {
            (stored.mayBeStored(e.getKey()) ? mayBeStored : surelyNew).add(e.getValue());
        }
        if (surelyNew.isEmpty()) {
            return mayBeStored;
        }
        java.sql.Savepoint beforeCopy = c.setSavepoint();
        try {
            copyInto(c, "group_member_edge", surelyNew);
            c.releaseSavepoint(beforeCopy);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeCopy);
            return added;
        }
        return mayBeStored;
    }

    /** Many edges (a full round): COPY into a session-local staging table, then one upsert. */
    private void copyAdded(Connection c, List<String[]> edges) throws SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            st.execute("create temp table if not exists stage_group_member_edge (like group_member_edge) "
                    + "on commit delete rows");
        }
        copyInto(c, "stage_group_member_edge", edges);
        try (java.sql.Statement st = c.createStatement()) {
            // A group's members can repeat across the delta pages of one round: keep one row per edge.
            st.executeUpdate("insert into group_member_edge (connection_id, group_id, member_id, member_type, "
                    + "last_seen_run) select distinct on (connection_id, group_id, member_id) connection_id, group_id, "
                    + "member_id, member_type, last_seen_run from stage_group_member_edge on conflict (connection_id, "
                    + "group_id, member_id) do update set member_type = excluded.member_type, "
                    + "last_seen_run = excluded.last_seen_run");
        }
    }

    private void copyInto(Connection c, String table, Collection<String[]> edges) throws SQLException {
        io.m365platform.sync.entity.CopyText text = new io.m365platform.sync.entity.CopyText();
        String run = runId.toString();
        for (String[] e : edges) {
            text.text(connectionId);
            text.text(e[0]);
            text.text(e[1]);
            text.text(e[2]);
            text.raw(run);
            text.endRow();
        }
        try {
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("copy " + table
                    + " (connection_id, group_id, member_id, member_type, last_seen_run) from stdin", text.stream());
        } catch (java.io.IOException ex) {
            throw new SQLException("COPY of group member edges failed", ex);
        }
    }

    static void markDirty(Connection c, String connectionId, Collection<String> groupIds) throws SQLException {
        if (groupIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("insert into membership_dirty (connection_id, group_id) "
                + "select ?, unnest(?::text[]) on conflict do nothing")) {
            ps.setString(1, connectionId);
            ps.setArray(2, c.createArrayOf("text", groupIds.toArray(String[]::new)));
            ps.executeUpdate();
        }
    }

    /**
     * Deletes the edges from or to deleted objects (users, groups) and marks the groups that lost a member dirty.
     * A deletion hook of the users and groups kinds.
     */
    public static void onObjectsDeleted(Connection c, String connectionId, Collection<String> objectIds) throws SQLException {
        List<String> touched = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("delete from group_member_edge where connection_id = ? "
                + "and (member_id = any(?) or group_id = any(?)) returning group_id")) {
            java.sql.Array ids = c.createArrayOf("text", objectIds.toArray(String[]::new));
            ps.setString(1, connectionId);
            ps.setArray(2, ids);
            ps.setArray(3, ids);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    touched.add(rs.getString(1));
                }
            }
        }
        touched.removeAll(objectIds);
        markDirty(c, connectionId, new LinkedHashSet<>(touched));
    }

    /** A full round: edges it did not see are gone; their groups become dirty. */
    static void sweepUnseen(Connection c, String connectionId, UUID runId) throws SQLException {
        List<String> touched = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("delete from group_member_edge where connection_id = ? "
                + "and last_seen_run is distinct from ? returning group_id")) {
            ps.setString(1, connectionId);
            ps.setObject(2, runId);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    touched.add(rs.getString(1));
                }
            }
        }
        markDirty(c, connectionId, new LinkedHashSet<>(touched));
    }
}
