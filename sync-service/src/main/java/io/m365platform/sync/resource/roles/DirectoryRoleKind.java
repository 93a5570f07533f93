package io.m365platform.sync.resource.roles;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.DirectoryRole;
import io.m365platform.contracts.directory.DirectoryRoleDeleted;
import io.m365platform.contracts.directory.DirectoryRoleSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.EventContext;

import java.util.List;

/** Activated directory roles: table {@code directory_roles}, topic {@code m365.directory.roles}, key {@code {connectionId}/role/{roleId}}. */
public final class DirectoryRoleKind extends BaseKind<DirectoryRole> {

    public static final DirectoryRoleKind INSTANCE = new DirectoryRoleKind();

    private DirectoryRoleKind() {
        super("directory-role", SyncResource.DIRECTORY_ROLES, "directory_roles", Topic.DIRECTORY_ROLES, DirectoryRole.class, List.of(
                Column.text("display_name", DirectoryRole::displayName),
                Column.text("role_template_id", DirectoryRole::roleTemplateId)));
    }

    @Override
    public String objectId(DirectoryRole s) {
        return s.id();
    }

    @Override
    public String kafkaKey(String connectionId, DirectoryRole s) {
        return DirectoryRoleSynced.key(connectionId, s.id());
    }

    @Override
    public SyncedEntityEvent synced(DirectoryRole s, EventContext c) {
        return new DirectoryRoleSynced(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s);
    }

    @Override
    public SyncedEntityEvent deleted(DirectoryRole s, DeletionReason reason, EventContext c) {
        return new DirectoryRoleDeleted(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s.id(), reason);
    }
}
