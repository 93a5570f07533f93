package io.m365platform.sync.resource.groups;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.DirectoryGroup;
import io.m365platform.contracts.directory.GroupDeleted;
import io.m365platform.contracts.directory.GroupSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** Groups: table {@code groups}, topic {@code m365.directory.groups}, key {@code {connectionId}/{groupId}}. */
public final class GroupEntityKind extends BaseKind<DirectoryGroup> {

    public static final GroupEntityKind INSTANCE = new GroupEntityKind();

    private GroupEntityKind() {
        super("group", SyncResource.GROUPS, "groups", Topic.DIRECTORY_GROUPS, DirectoryGroup.class, List.of(
                Column.text("display_name", DirectoryGroup::displayName),
                Column.text("kind", g -> g.kind().wireName()),
                Column.bool("is_team", DirectoryGroup::isTeam),
                Column.text("mail", DirectoryGroup::mail)),
                KindIdentity.of(DirectoryGroup::id, GroupSynced::key, GroupDeleted::new),
                GroupSynced::new);
    }
}
