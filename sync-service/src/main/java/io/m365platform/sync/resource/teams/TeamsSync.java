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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graph.error.GraphRequestException;

import static io.m365platform.sync.resource.GraphJson.bool;
import static io.m365platform.sync.resource.GraphJson.text;

/**
 * Teams: the Teams-enabled groups (resourceProvisioningOptions contains "Team") this run synced, completed with
 * {@code GET /teams/{id}} (classification, isArchived, webUrl): one request per team in full runs; in incremental
 * runs only for the teams whose group the groups delta reported changed (and teams not seen before) — the others keep
 * what was read last. Without a permission for GET /teams/{id} (Team.ReadBasic.All, TeamSettings.Read.All,
 * Group.Read.All, Directory.Read.All…) teams are derived from their groups alone.
 */
public final class TeamsSync implements ResourceSync {

    private static final int CHUNK = 500;
    /** Permissions that let Graph answer GET /teams/{id}. */
    static final List<String> TEAM_READ = List.of("Team.ReadBasic.All", "TeamSettings.Read.All",
            "TeamSettings.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All");

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
            boolean readable = TEAM_READ.stream().anyMatch(run.grantedPermissions()::contains);
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
                List<String> ids = chunk.stream().map(DirectoryGroup::id).toList();
                Map<String, Team> stored = run.engine().jdbc().withConnection(
                        c -> run.engine().catalog().store(TeamKind.INSTANCE).load(c, run.connectionId(), ids));
                Set<String> refresh = readable ? toRefresh(run, ids, stored.keySet()) : Set.of();
                PageChanges changes = new PageChanges().fetched(chunk.size());
                for (DirectoryGroup g : chunk) {
                    Team known = stored.get(g.id());
                    JsonNode team = refresh.contains(g.id()) ? readTeam(run, g.id()) : null;
                    String classification = team != null ? text(team, "classification")
                            : known != null ? known.classification() : null;
                    boolean archived = team != null ? bool(team, "isArchived", false) : known != null && known.isArchived();
                    String webUrl = team != null ? text(team, "webUrl") : known != null ? known.webUrl() : null;
                    changes.upsert(TeamKind.INSTANCE, new Team(g.id(), g.displayName(), g.description(),
                            g.visibility(), classification, archived, webUrl, g.createdDateTime()));
                }
                after = chunk.getLast().id();
                step.commit(changes, new Checkpoint(null, after, null), StepStatus.RUNNING);
            }
            step.finishReading();
        }
        step.queueUnseen(TeamKind.INSTANCE);
        step.applyDeletions(TeamKind.INSTANCE, false);
        step.complete("Teams-enabled groups with GET /teams/{id}");
    }

    /**
     * The teams of a chunk to read from Graph: every one in full runs; in incremental runs those whose group changed
     * in this run's groups delta ({@code team_refresh}, which team-members empties later) or that are not stored yet.
     */
    private static Set<String> toRefresh(RunScope run, List<String> ids, Set<String> stored) {
        if (run.run().mode() == RunMode.FULL) {
            return new HashSet<>(ids);
        }
        Set<String> out = new HashSet<>(ids);
        out.removeAll(stored);
        out.addAll(run.engine().jdbc().withConnection(c -> {
            Set<String> changed = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select group_id from team_refresh where connection_id = ? "
                    + "and group_id = any(?)")) {
                ps.setString(1, run.connectionId());
                ps.setArray(2, c.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changed.add(rs.getString(1));
                    }
                }
            }
            return changed;
        }));
        return out;
    }

    /** GET /teams/{id}; null when Graph has no team (yet) for the group or denies reading it. */
    private static JsonNode readTeam(RunScope run, String id) {
        try {
            return run.graph().requests().get("/teams/" + id + "?$select=id,classification,isArchived,webUrl");
        } catch (GraphRequestException e) {
            if (e.isNotFound() || e.isForbidden()) {
                return null;
            }
            throw e;
        }
    }
}
