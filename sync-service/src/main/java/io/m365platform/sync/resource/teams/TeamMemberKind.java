package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.teams.TeamMember;
import io.m365platform.contracts.teams.TeamMemberDeleted;
import io.m365platform.contracts.teams.TeamMemberSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** Team members: table {@code team_members} (owned by the team), topic {@code m365.teams.members}, key {@code {connectionId}/{teamId}/{userId}}. */
public final class TeamMemberKind extends BaseKind<TeamMember> {

    public static final TeamMemberKind INSTANCE = new TeamMemberKind();

    private TeamMemberKind() {
        super("team-member", SyncResource.TEAM_MEMBERS, "team_members", Topic.TEAMS_MEMBERS, TeamMember.class, List.of(
                Column.text("user_id", TeamMember::userId),
                Column.textArray("roles", TeamMember::roles)),
                KindIdentity.owned(TeamMember::teamId, TeamMember::userId, TeamMemberSynced::key, TeamMemberDeleted::new),
                TeamMemberSynced::new);
    }
}
