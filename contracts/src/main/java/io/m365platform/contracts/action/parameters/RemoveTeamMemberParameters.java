package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * remove-team-member. Graph removes by membership id; action-service looks it up from the user id.
 *
 * @param teamId team
 * @param userId user to remove
 */
public record RemoveTeamMemberParameters(String teamId, String userId) implements ActionParameters {

    public RemoveTeamMemberParameters {
        Checks.requireText(teamId, "teamId");
        Checks.requireText(userId, "userId");
    }

    @Override
    public String targetId() {
        return teamId;
    }
}
