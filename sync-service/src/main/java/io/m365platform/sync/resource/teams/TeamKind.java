package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.teams.Team;
import io.m365platform.contracts.teams.TeamDeleted;
import io.m365platform.contracts.teams.TeamSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** Teams: table {@code teams} (owned by their group, same id), topic {@code m365.teams.teams}, key {@code {connectionId}/{teamId}}. */
public final class TeamKind extends BaseKind<Team> {

    public static final TeamKind INSTANCE = new TeamKind();

    private TeamKind() {
        super("team", SyncResource.TEAMS, "teams", Topic.TEAMS_TEAMS, Team.class, List.of(
                Column.text("display_name", Team::displayName),
                Column.bool("is_archived", Team::isArchived)),
                KindIdentity.of(Team::id, TeamSynced::key, TeamDeleted::new).ownerOfChildren(),
                TeamSynced::new);
    }
}
