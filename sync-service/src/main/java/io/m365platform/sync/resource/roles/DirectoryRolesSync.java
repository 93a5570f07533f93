package io.m365platform.sync.resource.roles;

import io.m365platform.contracts.directory.DirectoryRole;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.resource.CollectionResourceSync;

import java.util.List;

import static io.m365platform.sync.resource.GraphJson.text;

/** Activated directory roles ({@code /directoryRoles}, not paged by Graph); full runs. */
public final class DirectoryRolesSync extends CollectionResourceSync {

    static final List<String> PERMISSIONS = List.of("RoleManagement.Read.Directory", "RoleManagement.Read.All",
            "RoleManagement.ReadWrite.Directory", "Directory.Read.All", "Directory.ReadWrite.All");

    @Override
    public SyncResource resource() {
        return SyncResource.DIRECTORY_ROLES;
    }

    @Override
    public List<String> permissions() {
        return PERMISSIONS;
    }

    @Override
    protected EntityKind<?> kind() {
        return DirectoryRoleKind.INSTANCE;
    }

    @Override
    protected String request(StepScope step) {
        return "/directoryRoles";
    }

    @Override
    protected ItemMapper mapper(StepScope step) {
        return (item, changes) -> changes.upsert(DirectoryRoleKind.INSTANCE, new DirectoryRole(text(item, "id"),
                text(item, "roleTemplateId"), text(item, "displayName"), text(item, "description")));
    }
}
