package io.m365platform.graphsim.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graphsim.model.AppRoleAssignment;
import io.m365platform.graphsim.model.DirectoryRole;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.OAuth2PermissionGrant;
import io.m365platform.graphsim.model.Organization;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.ServicePrincipal;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.Team;
import io.m365platform.graphsim.model.TeamsApp;
import io.m365platform.graphsim.model.User;

import java.util.List;
import java.util.Map;

/**
 * The JSON fixture format: a whole tenant as data (README "Fixture format"). Loading it builds a tenant;
 * exporting a tenant gives the same shape back (its ground truth), except that app secrets are never exported.
 * {@code extensions} carries feature-module data (mailboxes, usage…) keyed by module name.
 */
public record TenantFixture(
        String id,
        Long seed,
        Organization organization,
        String adminUserId,
        Boolean displayConcealedNames,
        List<Sku> skus,
        List<User> users,
        List<Group> groups,
        List<Team> teams,
        List<DirectoryRole> directoryRoles,
        List<RoleAssignment> roleAssignments,
        List<ServicePrincipal> servicePrincipals,
        List<OAuth2PermissionGrant> oauth2PermissionGrants,
        List<AppRoleAssignment> appRoleAssignments,
        List<TeamsApp> teamsApps,
        Map<String, List<String>> installedApps,
        Boolean deriveInstalledApps,
        List<AppFixture> apps,
        Map<String, JsonNode> extensions) {

    /** An app registration in a fixture. Secrets: value (optional, generated if absent) and lifetime in days. */
    public record AppFixture(String clientId, String displayName, List<String> applicationPermissions,
                             List<String> delegatedPermissions, List<String> redirectUris, List<SecretFixture> secrets) {
    }

    public record SecretFixture(String keyId, String value, Integer expiresInDays) {
    }
}
