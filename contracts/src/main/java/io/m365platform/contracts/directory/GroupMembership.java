package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;

/**
 * One member of one group. A direct member is reported as {@code direct} even though it is also in
 * transitiveMembers; {@code transitive} means "only through nested groups".
 *
 * @param groupId    group id
 * @param memberId   member object id
 * @param memberType member object type
 * @param relation   direct or transitive
 */
public record GroupMembership(String groupId, String memberId, MemberType memberType, MembershipRelation relation) {

    public GroupMembership {
        Checks.requireText(groupId, "groupId");
        Checks.requireText(memberId, "memberId");
        Checks.require(memberType, "memberType");
        Checks.require(relation, "relation");
    }
}
