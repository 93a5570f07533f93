package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.teams.TeamMember;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.connection.KnownConnection;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.resource.PerParentResourceSync;
import io.m365platform.sync.run.RunMode;

import java.sql.PreparedStatement;

import java.util.List;

import static io.m365platform.sync.resource.GraphJson.instant;
import static io.m365platform.sync.resource.GraphJson.text;
import static io.m365platform.sync.resource.GraphJson.texts;

/**
 * Members of teams with their roles ({@code /teams/{id}/members}); Teams connections. Full runs read every team,
 * incremental runs the teams whose group the groups delta reported changed.
 */
public final class TeamMembersSync extends PerParentResourceSync {

    @Override
    public SyncResource resource() {
        return SyncResource.TEAM_MEMBERS;
    }

    @Override
    public List<String> permissions() {
        return List.of("TeamMember.Read.All", "TeamMember.ReadWrite.All", "Group.Read.All", "Group.ReadWrite.All",
                "Directory.Read.All");
    }

    @Override
    protected EntityKind<?> childKind() {
        return TeamMemberKind.INSTANCE;
    }

    /** Incremental runs too, for the teams whose group changed in the groups delta (membership follows groups). */
    @Override
    public boolean appliesTo(RunMode mode, KnownConnection connection) {
        return mode.isSync() && KnownConnection.TEAMS_PRODUCT.equals(connection.product());
    }

    @Override
    protected String ownersQuery(RunMode mode) {
        if (mode == RunMode.FULL) {
            return "select object_id from teams where connection_id = ? and object_id > ? order by object_id";
        }
        return "select t.object_id from teams t join team_refresh r on r.connection_id = t.connection_id "
                + "and r.group_id = t.object_id where t.connection_id = ? and t.object_id > ? order by t.object_id";
    }

    @Override
    protected void afterReading(StepScope step) {
        var run = step.run();
        run.engine().jdbc().inTransactionVoid(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from team_refresh where connection_id = ?")) {
                ps.setString(1, run.connectionId());
                ps.executeUpdate();
            }
        });
    }

    @Override
    protected String request(String teamId) {
        return "/teams/" + teamId + "/members";
    }

    @Override
    protected ItemMapper mapper(String teamId) {
        return (m, changes) -> {
            String userId = text(m, "userId");
            if (userId == null) {
                return; // not an Entra user (e.g. a skype or anonymous member): nothing to key it by
            }
            changes.upsert(TeamMemberKind.INSTANCE, new TeamMember(teamId, text(m, "id"), userId,
                    text(m, "displayName"), text(m, "email"), texts(m, "roles").stream().sorted().toList(),
                    text(m, "tenantId"), instant(m, "visibleHistoryStartDateTime")));
        };
    }
}
