package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * add-team-member.
 *
 * @param teamId team
 * @param userId user to add
 * @param owner  add as owner instead of member
 */
public record AddTeamMemberParameters(String teamId, String userId, boolean owner) implements ActionParameters {

    public AddTeamMemberParameters {
        Checks.requireText(teamId, "teamId");
        Checks.requireText(userId, "userId");
    }

    @Override
    public String targetId() {
        return teamId;
    }
}
