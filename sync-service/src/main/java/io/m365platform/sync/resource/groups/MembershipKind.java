package io.m365platform.sync.resource.groups;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.GroupMembership;
import io.m365platform.contracts.directory.GroupMembershipDeleted;
import io.m365platform.contracts.directory.GroupMembershipSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** Group memberships (direct and transitive): table {@code group_memberships} (owned by the group), topic {@code m365.directory.group-memberships}, key {@code {connectionId}/{groupId}/{memberId}}. */
public final class MembershipKind extends BaseKind<GroupMembership> {

    public static final MembershipKind INSTANCE = new MembershipKind();

    private MembershipKind() {
        super("group-membership", SyncResource.GROUP_MEMBERSHIPS, "group_memberships", Topic.DIRECTORY_GROUP_MEMBERSHIPS, GroupMembership.class, List.of(
                Column.text("member_id", GroupMembership::memberId),
                Column.text("member_type", m -> m.memberType().wireName()),
                Column.text("relation", m -> m.relation().wireName())),
                KindIdentity.owned(GroupMembership::groupId, GroupMembership::memberId, GroupMembershipSynced::key,
                        GroupMembershipDeleted::new),
                GroupMembershipSynced::new);
    }
}
