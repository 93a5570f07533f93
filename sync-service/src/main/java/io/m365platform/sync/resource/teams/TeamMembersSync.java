package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.teams.TeamMember;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.resource.PerParentResourceSync;

import java.util.List;

import static io.m365platform.sync.resource.GraphJson.instant;
import static io.m365platform.sync.resource.GraphJson.text;
import static io.m365platform.sync.resource.GraphJson.texts;

/** Members of every team with their roles ({@code /teams/{id}/members}); Teams connections, full runs. */
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

    @Override
    protected String ownersQuery() {
        return "select object_id from teams where connection_id = ? and object_id > ? order by object_id";
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
