package io.m365platform.sync.resource.groups;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.GroupMembership;
import io.m365platform.contracts.directory.GroupMembershipDeleted;
import io.m365platform.contracts.directory.GroupMembershipSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.EventContext;

import java.util.List;

/** Group memberships (direct and transitive): table {@code group_memberships} (owned by the group), topic {@code m365.directory.group-memberships}, key {@code {connectionId}/{groupId}/{memberId}}. */
public final class MembershipKind extends BaseKind<GroupMembership> {

    public static final MembershipKind INSTANCE = new MembershipKind();

    private MembershipKind() {
        super("group-membership", SyncResource.GROUP_MEMBERSHIPS, "group_memberships", Topic.DIRECTORY_GROUP_MEMBERSHIPS, GroupMembership.class, List.of(
                Column.text("member_id", GroupMembership::memberId),
                Column.text("member_type", m -> m.memberType().wireName()),
                Column.text("relation", m -> m.relation().wireName())));
    }

    @Override
    public String objectId(GroupMembership s) {
        return EventKey.of(s.groupId(), s.memberId());
    }

    @Override
    public String parentId(GroupMembership s) {
        return s.groupId();
    }

    @Override
    public String kafkaKey(String connectionId, GroupMembership s) {
        return GroupMembershipSynced.key(connectionId, s.groupId(), s.memberId());
    }

    @Override
    public SyncedEntityEvent synced(GroupMembership s, EventContext c) {
        return new GroupMembershipSynced(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s);
    }

    @Override
    public SyncedEntityEvent deleted(GroupMembership s, DeletionReason reason, EventContext c) {
        return new GroupMembershipDeleted(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s.groupId(), s.memberId(), reason);
    }
}
