package io.m365platform.sync.resource.groups;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.DirectoryGroup;
import io.m365platform.contracts.directory.GroupDeleted;
import io.m365platform.contracts.directory.GroupSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.EventContext;

import java.util.List;

/** Groups: table {@code groups}, topic {@code m365.directory.groups}, key {@code {connectionId}/{groupId}}. */
public final class GroupEntityKind extends BaseKind<DirectoryGroup> {

    public static final GroupEntityKind INSTANCE = new GroupEntityKind();

    private GroupEntityKind() {
        super("group", SyncResource.GROUPS, "groups", Topic.DIRECTORY_GROUPS, DirectoryGroup.class, List.of(
                Column.text("display_name", DirectoryGroup::displayName),
                Column.text("kind", g -> g.kind().wireName()),
                Column.bool("is_team", DirectoryGroup::isTeam),
                Column.text("mail", DirectoryGroup::mail)));
    }

    @Override
    public String objectId(DirectoryGroup s) {
        return s.id();
    }

    @Override
    public String kafkaKey(String connectionId, DirectoryGroup s) {
        return GroupSynced.key(connectionId, s.id());
    }

    @Override
    public SyncedEntityEvent synced(DirectoryGroup s, EventContext c) {
        return new GroupSynced(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s);
    }

    @Override
    public SyncedEntityEvent deleted(DirectoryGroup s, DeletionReason reason, EventContext c) {
        return new GroupDeleted(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s.id(), reason);
    }
}
