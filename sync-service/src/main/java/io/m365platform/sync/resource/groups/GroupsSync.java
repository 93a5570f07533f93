package io.m365platform.sync.resource.groups;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graph.paging.DeltaItems;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.resource.DeltaResourceSync;
import io.m365platform.sync.resource.GraphJson;
import io.m365platform.sync.resource.users.DeletionReasons;

import java.sql.PreparedStatement;
import java.util.List;

import static io.m365platform.sync.resource.GraphJson.text;

/**
 * Groups by groups delta ({@code /groups/delta} with {@code members}), and their memberships: the delta's
 * {@code members@delta} maintain the raw direct edges; at the end the direct and transitive memberships of the
 * groups whose edges changed are recomputed and published.
 */
public final class GroupsSync extends DeltaResourceSync {

    @Override
    public SyncResource resource() {
        return SyncResource.GROUPS;
    }

    @Override
    public List<SyncResource> companions() {
        return List.of(SyncResource.GROUP_MEMBERSHIPS);
    }

    /**
     * A groups delta item carries up to hundreds of member edges (a large group's members are spread over several
     * items), so a page of 999 could hold half a million edges: pages of 200 keep a run's memory bounded (measured:
     * a 1M-user tenant's 999-item pages did not fit a 512 MB heap).
     */
    @Override
    protected int maxPageSize() {
        return 200;
    }

    @Override
    public List<String> permissions() {
        return List.of("GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All",
                "Directory.ReadWrite.All");
    }

    @Override
    protected EntityKind<?> kind() {
        return GroupEntityKind.INSTANCE;
    }

    @Override
    protected String firstRequest() {
        return "/groups/delta?$select=" + GroupMapper.SELECT;
    }

    @Override
    protected ItemMapper mapper(StepScope step, boolean full) {
        var run = step.run();
        boolean teams = KnownConnection.TEAMS_PRODUCT.equals(step.run().connection().product());
        return (JsonNode item, PageChanges changes) -> {
            String id = text(item, "id");
            if (id == null) {
                return;
            }
            if (DeltaItems.isRemoved(item)) {
                changes.removed(GroupEntityKind.INSTANCE, id,
                        DeletionReasons.of(DeltaItems.removedReason(item).orElse("deleted")));
                return;
            }
            changes.upsert(GroupEntityKind.INSTANCE, GroupMapper.map(item));
            if (teams && !full) {
                MemberEdges.of(changes, run).refreshTeam(id);
            }
            JsonNode members = item.get("members@delta");
            if (members != null && members.isArray()) {
                MemberEdges edges = MemberEdges.of(changes, run);
                edges.touch(id);
                for (JsonNode m : members) {
                    String memberId = text(m, "id");
                    if (memberId == null) {
                        continue;
                    }
                    if (DeltaItems.isRemoved(m)) {
                        edges.remove(id, memberId);
                    } else {
                        edges.add(id, memberId, GroupMapper.memberType(GraphJson.text(m, "@odata.type")));
                    }
                }
            }
        };
    }

    @Override
    protected void afterReading(StepScope step, boolean full) {
        if (!full) {
            return;
        }
        var run = step.run();
        run.engine().jdbc().inTransactionVoid(c -> {
            MemberEdges.sweepUnseen(c, run.connectionId(), run.runId());
            // A full round recomputes every group that has published memberships, whatever happened before.
            try (PreparedStatement ps = c.prepareStatement("insert into membership_dirty (connection_id, group_id) "
                    + "select distinct connection_id, parent_id from group_memberships where connection_id = ? "
                    + "on conflict do nothing")) {
                ps.setString(1, run.connectionId());
                ps.executeUpdate();
            }
        });
    }

    @Override
    protected void beforeCompletion(StepScope step) {
        MembershipReconciler.reconcile(step);
    }
}
