package io.m365platform.graphsim.model;

/** An active directory role assignment (roleDefinitionId = the built-in role's template id; scope "/" = tenant). */
public record RoleAssignment(String id, String principalId, String roleDefinitionId, String directoryScopeId) {
    public RoleAssignment {
        directoryScopeId = directoryScopeId == null ? "/" : directoryScopeId;
    }
}
