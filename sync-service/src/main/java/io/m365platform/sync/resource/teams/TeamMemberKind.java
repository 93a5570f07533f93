package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.teams.TeamMember;
import io.m365platform.contracts.teams.TeamMemberDeleted;
import io.m365platform.contracts.teams.TeamMemberSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.EventContext;

import java.util.List;

/** Team members: table {@code team_members} (owned by the team), topic {@code m365.teams.members}, key {@code {connectionId}/{teamId}/{userId}}. */
public final class TeamMemberKind extends BaseKind<TeamMember> {

    public static final TeamMemberKind INSTANCE = new TeamMemberKind();

    private TeamMemberKind() {
        super("team-member", SyncResource.TEAM_MEMBERS, "team_members", Topic.TEAMS_MEMBERS, TeamMember.class, List.of(
                Column.text("user_id", TeamMember::userId),
                Column.textArray("roles", TeamMember::roles)));
    }

    @Override
    public String objectId(TeamMember s) {
        return EventKey.of(s.teamId(), s.userId());
    }

    @Override
    public String parentId(TeamMember s) {
        return s.teamId();
    }

    @Override
    public String kafkaKey(String connectionId, TeamMember s) {
        return TeamMemberSynced.key(connectionId, s.teamId(), s.userId());
    }

    @Override
    public SyncedEntityEvent synced(TeamMember s, EventContext c) {
        return new TeamMemberSynced(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s);
    }

    @Override
    public SyncedEntityEvent deleted(TeamMember s, DeletionReason reason, EventContext c) {
        return new TeamMemberDeleted(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s.teamId(), s.userId(), reason);
    }
}
