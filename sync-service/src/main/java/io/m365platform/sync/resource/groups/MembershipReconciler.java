package io.m365platform.sync.resource.groups;

import io.m365platform.contracts.directory.GroupMembership;
import io.m365platform.contracts.directory.MembershipRelation;
import io.m365platform.contracts.directory.MemberType;
import io.m365platform.contracts.EventKey;
import io.m365platform.sync.db.TableStatistics;
import io.m365platform.sync.db.WireNames;
import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.engine.RunScope;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.run.StepStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes group memberships — direct, and transitive through nested groups — computed from the raw direct edges.
 * Only dirty groups (edges changed) and the groups containing them are recomputed, in SQL (a recursive closure
 * that stops at cycles), so the work follows the changes and memory stays bounded. The differences to the
 * published memberships are staged per run, then published and stored chunk by chunk: a crash mid-way resumes
 * with the rest of the staged changes.
 */
final class MembershipReconciler {

    private static final int CHUNK = 1000;

    /** Desired memberships of affected groups vs the published ones; inserts the differences. */
    private static final String STAGE = """
            insert into membership_change (run_id, connection_id, group_id, member_id, member_type, relation)
            with recursive affected(group_id) as (
                select group_id from membership_dirty where connection_id = ?
              union
                select e.group_id from group_member_edge e join affected a on e.member_id = a.group_id
                 where e.connection_id = ? and e.member_type = 'group'
            ), closure(root, member_id, member_type) as (
                select e.group_id, e.member_id, e.member_type from group_member_edge e
                  join affected a on a.group_id = e.group_id where e.connection_id = ?
              union
                select c.root, e.member_id, e.member_type from closure c
                  join group_member_edge e on e.connection_id = ? and e.group_id = c.member_id
                 where c.member_type = 'group'
            ), desired as (
                select c.root as group_id, c.member_id, c.member_type,
                       case when exists (select 1 from group_member_edge d where d.connection_id = ?
                                          and d.group_id = c.root and d.member_id = c.member_id)
                            then 'direct' else 'transitive' end as relation
                  from closure c where c.member_id <> c.root
            ), published as (
                select m.parent_id as group_id, m.member_id, m.member_type, m.relation from group_memberships m
                  join affected a on a.group_id = m.parent_id where m.connection_id = ?
            )
            select ?, ?, coalesce(d.group_id, p.group_id), coalesce(d.member_id, p.member_id), d.member_type, d.relation
              from desired d full outer join published p on p.group_id = d.group_id and p.member_id = d.member_id
             where d.group_id is null or p.group_id is null or d.relation <> p.relation
                or d.member_type <> p.member_type
            on conflict do nothing
            """;

    private MembershipReconciler() {
    }

    static void reconcile(StepScope step) {
        RunScope run = step.run();
        while (true) {
            List<String[]> chunk = nextChunk(run);
            if (chunk.isEmpty()) {
                if (!stageIfDirty(run)) {
                    return;
                }
                continue;
            }
            PageChanges changes = new PageChanges();
            for (String[] row : chunk) {
                String groupId = row[0];
                String memberId = row[1];
                if (row[2] == null) {
                    changes.deleteNow(MembershipKind.INSTANCE, EventKey.of(groupId, memberId));
                } else {
                    changes.upsert(MembershipKind.INSTANCE, new GroupMembership(groupId, memberId,
                            WireNames.fromWire(MemberType.class, MemberType::wireName, row[2]),
                            WireNames.fromWire(MembershipRelation.class, MembershipRelation::wireName, row[3])));
                }
            }
            String[] last = chunk.getLast();
            changes.write(c -> {
                // The chunk was taken in key order: everything up to its last key is done.
                try (PreparedStatement ps = c.prepareStatement("delete from membership_change where run_id = ? "
                        + "and (group_id, member_id) <= (?, ?)")) {
                    ps.setObject(1, run.runId());
                    ps.setString(2, last[0]);
                    ps.setString(3, last[1]);
                    ps.executeUpdate();
                }
            });
            step.commit(changes, step.checkpoint(), StepStatus.DELETING);
        }
    }

    private static List<String[]> nextChunk(RunScope run) {
        return run.engine().jdbc().withConnection(c -> {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select group_id, member_id, member_type, relation "
                    + "from membership_change where run_id = ? order by group_id, member_id limit ?")) {
                ps.setObject(1, run.runId());
                ps.setInt(2, CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            return rows;
        });
    }

    /** Stages the changes of the dirty groups and clears the marks, in one transaction; false if none were dirty. */
    private static boolean stageIfDirty(RunScope run) {
        return run.engine().jdbc().inTransaction(c -> {
            long dirty;
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(*) from membership_dirty where connection_id = ?")) {
                ps.setString(1, run.connectionId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    dirty = rs.getLong(1);
                }
            }
            if (dirty == 0) {
                return false;
            }
            if (dirty >= 500) {
                // Many groups at once (a full run): let the planner see how big the inputs really are.
                for (String table : List.of("membership_dirty", "group_member_edge", "group_memberships")) {
                    TableStatistics.analyze(c, table);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(STAGE)) {
                String conn = run.connectionId();
                ps.setString(1, conn);
                ps.setString(2, conn);
                ps.setString(3, conn);
                ps.setString(4, conn);
                ps.setString(5, conn);
                ps.setString(6, conn);
                ps.setObject(7, run.runId());
                ps.setString(8, conn);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("delete from membership_dirty where connection_id = ?")) {
                ps.setString(1, run.connectionId());
                ps.executeUpdate();
            }
            if (dirty >= 500) {
                TableStatistics.analyze(c, "membership_change");
            }
            return true;
        });
    }
}
