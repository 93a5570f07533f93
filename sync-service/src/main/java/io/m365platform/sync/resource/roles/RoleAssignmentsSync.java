package io.m365platform.sync.resource.roles;

import io.m365platform.contracts.directory.RoleAssignment;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.resource.CollectionResourceSync;
import io.m365platform.sync.resource.GraphJson;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.m365platform.sync.resource.GraphJson.text;

/**
 * Active role assignments ({@code /roleManagement/directory/roleAssignments?$expand=principal}) with the role's
 * name from the role definitions (read first: a few dozen) and the principal's type; full runs.
 */
public final class RoleAssignmentsSync extends CollectionResourceSync {

    @Override
    public SyncResource resource() {
        return SyncResource.ROLE_ASSIGNMENTS;
    }

    @Override
    public List<String> permissions() {
        return DirectoryRolesSync.PERMISSIONS;
    }

    @Override
    protected EntityKind<?> kind() {
        return RoleAssignmentKind.INSTANCE;
    }

    @Override
    protected String request(StepScope step) {
        return "/roleManagement/directory/roleAssignments?$expand=principal";
    }

    @Override
    protected ItemMapper mapper(StepScope step) {
        Map<String, String> roleNames = new HashMap<>();
        step.run().graph().collections().readAll("/roleManagement/directory/roleDefinitions?$select=id,displayName",
                d -> roleNames.put(text(d, "id"), text(d, "displayName")));
        return (item, changes) -> {
            String definition = text(item, "roleDefinitionId");
            String principalType = GraphJson.odataType(item.get("principal"));
            changes.upsert(RoleAssignmentKind.INSTANCE, new RoleAssignment(text(item, "id"),
                    text(item, "principalId"), principalType, definition, roleNames.get(definition),
                    text(item, "directoryScopeId"), text(item, "appScopeId")));
        };
    }
}
