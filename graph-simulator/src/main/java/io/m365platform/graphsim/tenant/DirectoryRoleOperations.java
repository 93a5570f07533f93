package io.m365platform.graphsim.tenant;

import io.m365platform.graphsim.model.DirectoryRole;
import io.m365platform.graphsim.model.RoleAssignment;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Directory role assignments of any principal — users, or the service principal of an app (Graph requires the
 * app itself to hold e.g. User Administrator to reset passwords). Assigning activates the role if needed, so the
 * directoryRoles and roleManagement reads show it like Entra would.
 */
public final class DirectoryRoleOperations {
    private final Tenant tenant;

    public DirectoryRoleOperations(Tenant tenant) {
        this.tenant = tenant;
    }

    /** Template ids of the roles a principal holds at tenant scope. */
    public Set<String> rolesOf(String principalId) {
        return tenant.read(() -> {
            Set<String> result = new LinkedHashSet<>();
            for (RoleAssignment a : tenant.roleAssignments) {
                if (a.principalId().equalsIgnoreCase(principalId) && "/".equals(a.directoryScopeId())) {
                    result.add(a.roleDefinitionId());
                }
            }
            return result;
        });
    }

    public void assign(String principalId, String roleTemplateId) {
        Catalog.RoleTemplate template = Catalog.roleTemplate(roleTemplateId);
        if (template == null) {
            throw TenantException.invalid("Unknown directory role template " + roleTemplateId);
        }
        tenant.write(() -> {
            if (tenant.users.get(principalId) == null && tenant.servicePrincipals.get(principalId) == null) {
                throw TenantException.notFound(principalId);
            }
            for (RoleAssignment a : tenant.roleAssignments) {
                if (a.principalId().equalsIgnoreCase(principalId) && a.roleDefinitionId().equalsIgnoreCase(template.templateId())) {
                    throw TenantException.conflict("A conflicting object with one or more of the specified property values is present in the directory.");
                }
            }
            if (tenant.directoryRoles.stream().noneMatch(r -> r.roleTemplateId().equalsIgnoreCase(template.templateId()))) {
                tenant.directoryRoles.add(new DirectoryRole(UUID.randomUUID().toString(), template.templateId()));
            }
            tenant.roleAssignments.add(new RoleAssignment(UUID.randomUUID().toString().replace("-", ""), principalId.toLowerCase(),
                    template.templateId(), "/"));
            tenant.nextSeq();
        });
    }

    public void unassign(String principalId, String roleTemplateId) {
        tenant.write(() -> {
            boolean removed = tenant.roleAssignments.removeIf(a -> a.principalId().equalsIgnoreCase(principalId)
                    && a.roleDefinitionId().equalsIgnoreCase(roleTemplateId));
            if (!removed) {
                throw TenantException.notFound(roleTemplateId);
            }
            tenant.nextSeq();
        });
    }
}
