package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;

/**
 * An active role assignment (Graph {@code unifiedRoleAssignment}; PIM-eligible assignments are not included).
 *
 * @param id               assignment id
 * @param principalId      id of the user, group or service principal holding the role
 * @param principalType    type of the principal when known (user, group, service-principal), else null
 * @param roleDefinitionId role definition id (= roleTemplateId for built-in roles)
 * @param roleDisplayName  name of the role when known
 * @param directoryScopeId scope, {@code /} for the whole tenant
 * @param appScopeId       app-specific scope, null when none
 */
public record RoleAssignment(String id, String principalId, String principalType, String roleDefinitionId,
                             String roleDisplayName, String directoryScopeId, String appScopeId) {

    public RoleAssignment {
        Checks.requireText(id, "id");
        Checks.requireText(principalId, "principalId");
        Checks.requireText(roleDefinitionId, "roleDefinitionId");
        Checks.requireText(directoryScopeId, "directoryScopeId");
    }
}
