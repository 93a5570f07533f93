package io.m365platform.sync.resource.roles;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.DirectoryRole;
import io.m365platform.contracts.directory.DirectoryRoleDeleted;
import io.m365platform.contracts.directory.DirectoryRoleSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** Activated directory roles: table {@code directory_roles}, topic {@code m365.directory.roles}, key {@code {connectionId}/role/{roleId}}. */
public final class DirectoryRoleKind extends BaseKind<DirectoryRole> {

    public static final DirectoryRoleKind INSTANCE = new DirectoryRoleKind();

    private DirectoryRoleKind() {
        super("directory-role", SyncResource.DIRECTORY_ROLES, "directory_roles", Topic.DIRECTORY_ROLES, DirectoryRole.class, List.of(
                Column.text("display_name", DirectoryRole::displayName),
                Column.text("role_template_id", DirectoryRole::roleTemplateId)),
                KindIdentity.of(DirectoryRole::id, DirectoryRoleSynced::key, DirectoryRoleDeleted::new),
                DirectoryRoleSynced::new);
    }
}
