package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * add-group-member and remove-group-member.
 *
 * @param groupId  group
 * @param memberId directory object to add or remove (user, group, device...)
 */
public record GroupMemberParameters(String groupId, String memberId) implements ActionParameters {

    public GroupMemberParameters {
        Checks.requireText(groupId, "groupId");
        Checks.requireText(memberId, "memberId");
    }

    @Override
    public String targetId() {
        return groupId;
    }
}
