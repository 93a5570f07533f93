package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.directory.DirectoryGroup;
import io.m365platform.contracts.teams.Team;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.engine.PageChanges;
import io.m365platform.sync.engine.ResourceSync;
import io.m365platform.sync.engine.RunScope;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityStore;
import io.m365platform.sync.resource.groups.GroupEntityKind;
import io.m365platform.sync.run.Checkpoint;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.StepStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Teams: the Teams-enabled groups (resourceProvisioningOptions contains "Team"), taken from the groups this run
 * synced — no extra Graph request. Graph v1.0 has GET /teams/{id} for archive state and web URL, but the
 * simulator does not serve it, so {@code isArchived} is false and {@code webUrl} absent (see README).
 */
public final class TeamsSync implements ResourceSync {

    private static final int CHUNK = 500;

    @Override
    public SyncResource resource() {
        return SyncResource.TEAMS;
    }

    @Override
    public List<String> permissions() {
        return List.of("GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All",
                "Directory.ReadWrite.All");
    }

    @Override
    public boolean appliesTo(RunMode mode, KnownConnection connection) {
        return mode.isSync() && KnownConnection.TEAMS_PRODUCT.equals(connection.product());
    }

    @Override
    public void sync(StepScope step) {
        step.begin(StepScope.FULL);
        step.sweep(TeamKind.INSTANCE);
        if (!step.readingFinished()) {
            RunScope run = step.run();
            EntityStore<DirectoryGroup> groups = run.engine().catalog().store(GroupEntityKind.INSTANCE);
            String after = step.checkpoint().cursor();
            while (true) {
                run.checkNotStopped();
                String from = after;
                List<DirectoryGroup> chunk = run.engine().jdbc().withConnection(c -> {
                    List<DirectoryGroup> out = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement("select data from groups where connection_id = ? "
                            + "and is_team and object_id > ? order by object_id limit ?")) {
                        ps.setString(1, run.connectionId());
                        ps.setString(2, from == null ? "" : from);
                        ps.setInt(3, CHUNK);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(groups.parse(rs.getString(1)));
                            }
                        }
                    }
                    return out;
                });
                if (chunk.isEmpty()) {
                    break;
                }
                PageChanges changes = new PageChanges().fetched(chunk.size());
                for (DirectoryGroup g : chunk) {
                    changes.upsert(TeamKind.INSTANCE, new Team(g.id(), g.displayName(), g.description(),
                            g.visibility(), null, false, null, g.createdDateTime()));
                }
                after = chunk.getLast().id();
                step.commit(changes, new Checkpoint(null, after, null), StepStatus.RUNNING);
            }
            step.finishReading();
        }
        step.queueUnseen(TeamKind.INSTANCE);
        step.applyDeletions(TeamKind.INSTANCE, false);
        step.complete("derived from Teams-enabled groups");
    }
}
