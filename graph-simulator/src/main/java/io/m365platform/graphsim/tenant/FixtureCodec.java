package io.m365platform.graphsim.tenant;

import io.m365platform.graphsim.model.AppRoleAssignment;
import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.DirectoryRole;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.OAuth2PermissionGrant;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.ServicePrincipal;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.Team;
import io.m365platform.graphsim.model.TeamsApp;
import io.m365platform.graphsim.model.User;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a tenant from a {@link TenantFixture} (checking every reference, so a broken fixture fails with a
 * message naming the bad id) and exports a tenant back to one.
 */
public final class FixtureCodec {
    private FixtureCodec() {
    }

    public static Tenant load(TenantFixture f, Clock clock) {
        require(f.id() != null && f.id().matches("[0-9a-fA-F-]{36}"), "fixture.id must be a GUID");
        require(f.organization() != null && !f.organization().verifiedDomains().isEmpty(), "fixture.organization with verifiedDomains is required");
        List<User> users = nz(f.users());
        require(!users.isEmpty(), "fixture.users must not be empty");
        Tenant t = new Tenant(f.id().toLowerCase(), f.seed() == null ? 0 : f.seed(), f.organization(), clock);
        t.write(() -> {
            long seq = t.nextSeq();
            for (Sku s : nz(f.skus())) {
                require(s.skuId() != null && s.skuPartNumber() != null, "sku needs skuId and skuPartNumber");
                t.skus.put(s.skuId().toLowerCase(), s);
            }
            for (User u : users) {
                require(u.id() != null && u.userPrincipalName() != null && u.displayName() != null,
                        "user needs id, userPrincipalName and displayName: " + u.id());
                for (AssignedLicense l : u.assignedLicenses()) {
                    require(t.skus.containsKey(l.skuId().toLowerCase()), "user " + u.id() + " has unknown skuId " + l.skuId());
                }
                t.users.insert(u, seq);
            }
            for (User u : users) {
                require(u.managerId() == null || t.users.get(u.managerId()) != null, "user " + u.id() + " has unknown managerId " + u.managerId());
            }
            for (Group g : nz(f.groups())) {
                require(g.id() != null && g.displayName() != null, "group needs id and displayName");
                t.groups.insert(g, seq);
            }
            for (Group g : nz(f.groups())) {
                for (String m : g.members()) {
                    require(t.users.get(m) != null || t.groups.get(m) != null, "group " + g.id() + " has unknown member " + m);
                }
                for (String o : g.owners()) {
                    require(t.users.get(o) != null, "group " + g.id() + " has unknown owner " + o);
                }
                for (AssignedLicense l : g.assignedLicenses()) {
                    require(t.skus.containsKey(l.skuId().toLowerCase()), "group " + g.id() + " has unknown skuId " + l.skuId());
                }
            }
            for (Team team : nz(f.teams())) {
                Group g = t.groups.get(team.groupId());
                require(g != null && g.isTeam(), "team " + team.groupId() + " needs a group with resourceProvisioningOptions [\"Team\"]");
                t.teams.put(g.id(), team);
            }
            for (Group g : nz(f.groups())) {
                if (g.isTeam() && !t.teams.containsKey(g.id())) {
                    t.teams.put(g.id(), new Team(g.id(), List.of()));
                }
            }
            t.directoryRoles.addAll(nz(f.directoryRoles()));
            for (RoleAssignment a : nz(f.roleAssignments())) {
                require(t.users.get(a.principalId()) != null || t.groups.get(a.principalId()) != null,
                        "role assignment " + a.id() + " has unknown principalId " + a.principalId());
                t.roleAssignments.add(a);
            }
            for (ServicePrincipal sp : nz(f.servicePrincipals())) {
                t.servicePrincipals.insert(sp, seq);
            }
            if (t.servicePrincipals.get(AppOperations.GRAPH_APP_ID) == null) {
                t.servicePrincipals.insert(new ServicePrincipal(java.util.UUID.nameUUIDFromBytes((t.id() + "graph").getBytes()).toString(),
                        AppOperations.GRAPH_APP_ID, "Microsoft Graph", ServicePrincipal.MICROSOFT_TENANT, "Microsoft Services",
                        "AzureADMultipleOrgs", List.of(), null, null, null, true, null, List.of()), seq);
            }
            for (OAuth2PermissionGrant g : nz(f.oauth2PermissionGrants())) {
                require(t.servicePrincipals.get(g.clientId()) != null, "grant " + g.id() + " has unknown clientId " + g.clientId());
                t.permissionGrants.add(g);
            }
            Set<String> assignmentIds = new HashSet<>();
            for (AppRoleAssignment a : nz(f.appRoleAssignments())) {
                require(a.id() != null && a.appRoleId() != null, "app role assignment needs id and appRoleId");
                require(assignmentIds.add(a.id()), "app role assignment " + a.id() + " appears twice");
                require(t.servicePrincipals.get(a.principalId()) != null, "app role assignment " + a.id() + " has unknown principalId " + a.principalId());
                require(t.servicePrincipals.get(a.resourceId()) != null, "app role assignment " + a.id() + " has unknown resourceId " + a.resourceId());
                t.appRoleAssignments.add(a);
            }
            for (TeamsApp a : nz(f.teamsApps())) {
                t.teamsApps.put(a.id(), a);
            }
            if (f.installedApps() != null) {
                f.installedApps().forEach((userId, apps) -> {
                    User u = t.users.get(userId);
                    require(u != null, "installedApps names unknown user " + userId);
                    for (String a : apps) {
                        require(t.teamsApps.containsKey(a), "installedApps of " + userId + " names unknown app " + a);
                    }
                    t.installedAppOverrides.put(u.id(), List.copyOf(apps));
                });
            }
            t.deriveInstalledApps = Boolean.TRUE.equals(f.deriveInstalledApps());
            t.displayConcealedNames = f.displayConcealedNames() == null || f.displayConcealedNames();
            t.adminUserId = f.adminUserId() != null ? f.adminUserId() : users.get(0).id();
            require(t.users.get(t.adminUserId) != null, "adminUserId " + f.adminUserId() + " is not a user");
        });
        for (TenantFixture.AppFixture a : nz(f.apps())) {
            List<Duration> lifetimes = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (TenantFixture.SecretFixture s : nz(a.secrets())) {
                lifetimes.add(Duration.ofDays(s.expiresInDays() == null ? 365 : s.expiresInDays()));
                values.add(s.value());
            }
            boolean allValues = values.stream().allMatch(v -> v != null);
            t.apps().register(new AppOperations.Registration(a.clientId(), a.displayName(),
                    Set.copyOf(nz(a.applicationPermissions())), Set.copyOf(nz(a.delegatedPermissions())),
                    nz(a.redirectUris()), lifetimes, allValues ? values : List.of()));
        }
        return t;
    }

    /** The tenant's current ground truth in fixture form (app secrets omitted; extensions filled by modules). */
    public static TenantFixture export(Tenant t) {
        return t.read(() -> {
            List<TenantFixture.AppFixture> apps = new ArrayList<>();
            for (AppRegistration a : t.apps.values()) {
                List<TenantFixture.SecretFixture> secrets = new ArrayList<>();
                for (ClientSecret s : a.secrets()) {
                    long days = s.endDateTime() == null ? 365 : Duration.between(t.now(), s.endDateTime()).toDays();
                    secrets.add(new TenantFixture.SecretFixture(s.keyId(), null, (int) days));
                }
                apps.add(new TenantFixture.AppFixture(a.clientId(), a.displayName(), List.copyOf(a.applicationPermissions()),
                        List.copyOf(a.delegatedPermissions()), a.redirectUris(), secrets));
            }
            Set<String> registeredSps = new HashSet<>();
            t.apps.values().forEach(a -> registeredSps.add(a.servicePrincipalId()));
            List<ServicePrincipal> sps = new ArrayList<>();
            for (ServicePrincipal sp : t.servicePrincipals.liveValues()) {
                if (!registeredSps.contains(sp.id())) {
                    sps.add(sp);
                }
            }
            List<OAuth2PermissionGrant> grants = new ArrayList<>();
            for (OAuth2PermissionGrant g : t.permissionGrants) {
                if (!registeredSps.contains(g.clientId())) {
                    grants.add(g);
                }
            }
            List<Group> groups = t.groups.liveValues();
            List<Team> teams = new ArrayList<>();
            for (Group g : groups) {
                Team team = t.teams.get(g.id());
                if (g.isTeam() && team != null) {
                    teams.add(team);
                }
            }
            Map<String, List<String>> installed = new LinkedHashMap<>(t.installedAppOverrides);
            return new TenantFixture(t.id(), t.seed(), t.organization, t.adminUserId, t.displayConcealedNames,
                    List.copyOf(t.skus.values()), t.users.liveValues(), groups, teams, List.copyOf(t.directoryRoles),
                    List.copyOf(t.roleAssignments), sps, grants,
                    t.appRoleAssignments.stream().filter(a -> !registeredSps.contains(a.principalId())).toList(),
                    List.copyOf(t.teamsApps.values()), installed,
                    t.deriveInstalledApps, apps, new HashMap<>());
        });
    }

    private static <T> List<T> nz(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw TenantException.invalid("Invalid fixture: " + message);
        }
    }
}
