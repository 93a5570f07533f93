package io.m365platform.contracts.teams;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * A user's membership of a team (Graph {@code aadUserConversationMember}).
 *
 * @param teamId                      team id
 * @param membershipId                Graph membership id (opaque, not the user id; needed to remove the member)
 * @param userId                      member's user id
 * @param displayName                 member's display name
 * @param email                       member's e-mail
 * @param roles                       {@code []} (member), {@code ["owner"]} or {@code ["guest"]}
 * @param userTenantId                home tenant of the member (differs from the team's for external guests)
 * @param visibleHistoryStartDateTime from when the member can see chat history
 */
public record TeamMember(String teamId, String membershipId, String userId, String displayName, String email,
                         List<String> roles, String userTenantId, Instant visibleHistoryStartDateTime) {

    public TeamMember {
        Checks.requireText(teamId, "teamId");
        Checks.requireText(membershipId, "membershipId");
        Checks.requireText(userId, "userId");
        roles = Checks.list(roles);
    }

    /** True when the member is an owner of the team. */
    public boolean owner() {
        return roles.contains("owner");
    }
}
