package io.m365platform.graphsim;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.AadUserConversationMember;
import com.microsoft.graph.models.AdminReportSettings;
import com.microsoft.graph.models.Channel;
import com.microsoft.graph.models.ConversationMember;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.DirectoryRole;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.LicenseDetails;
import com.microsoft.graph.models.OAuth2PermissionGrant;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.UnifiedRoleAssignment;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.Catalog;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Graph v1.0 reads through the Graph SDK v6, compared with the tenant's ground truth. */
class GraphReadsTest {
    static GraphSimulator sim;
    static Tenant tenant;
    static GraphServiceClient graph;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        tenant = sim.tenants().generate(new GenerationSpec(11, 150, "reads"));
        var app = tenant.apps().register(Registration.of("reader", Set.of("User.Read.All", "Directory.Read.All",
                "Organization.Read.All", "RoleManagement.Read.Directory", "TeamMember.Read.All", "Channel.ReadBasic.All",
                "TeamsAppInstallation.ReadForUser.All", "ReportSettings.ReadWrite.All")));
        graph = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), app.clientId(), app.secret()));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void pageIteratorWalksAllUsersOverDistinctAbsoluteNextLinks() throws Exception {
        UserCollectionResponse first = graph.users().get(rc -> {
            rc.queryParameters.top = 7;
            rc.queryParameters.select = new String[]{"id", "displayName", "userPrincipalName", "accountEnabled", "userType", "assignedLicenses"};
        });
        assertTrue(first.getOdataNextLink().startsWith(sim.graphBaseUrl() + "/users?"), first.getOdataNextLink());
        List<User> all = new ArrayList<>();
        new PageIterator.Builder<User, UserCollectionResponse>()
                .client(graph).collectionPage(first)
                .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(u -> all.add(u)).build().iterate();
        List<io.m365platform.graphsim.model.User> truth = tenant.users().list();
        assertEquals(truth.size(), all.size());
        assertEquals(truth.stream().map(io.m365platform.graphsim.model.User::id).toList(), all.stream().map(User::getId).toList());
        User guest = all.stream().filter(u -> "Guest".equals(u.getUserType())).findFirst().orElseThrow();
        assertTrue(guest.getUserPrincipalName().contains("#EXT#@reads.onmicrosoft.com"));
        assertTrue(all.stream().anyMatch(u -> Boolean.FALSE.equals(u.getAccountEnabled())), "some accounts are disabled");
        assertTrue(all.stream().anyMatch(u -> u.getAssignedLicenses().isEmpty()), "some users are unlicensed");
        assertTrue(all.stream().anyMatch(u -> !u.getDisplayName().matches("\\p{ASCII}*")), "non-ASCII names exist");
        assertTrue(sim.counters().count("GET /v1.0/users", 200) >= (truth.size() + 6) / 7);
    }

    @Test
    void defaultPropertiesSelectFilterAndCount() {
        User plain = graph.users().get().getValue().get(0);
        assertNotNull(plain.getUserPrincipalName());
        assertEquals(null, plain.getAccountEnabled(), "accountEnabled is not a default property");
        UserCollectionResponse guests = graph.users().get(rc -> {
            rc.queryParameters.filter = "userType eq 'Guest'";
            rc.queryParameters.select = new String[]{"id", "userType"};
            rc.queryParameters.top = 999;
        });
        long expectedGuests = tenant.users().list().stream().filter(io.m365platform.graphsim.model.User::isGuest).count();
        assertEquals(expectedGuests, guests.getValue().size());
        assertTrue(guests.getValue().stream().allMatch(u -> "Guest".equals(u.getUserType())));

        UserCollectionResponse counted = graph.users().get(rc -> {
            rc.queryParameters.count = true;
            rc.queryParameters.filter = "assignedLicenses/any(x:x/skuId eq " + Catalog.SPE_E5 + ")";
            rc.headers.add("ConsistencyLevel", "eventual");
        });
        long e5 = tenant.read(() -> tenant.userTable().liveValues().stream()
                .filter(u -> tenant.effectiveLicenses(u).stream().anyMatch(l -> l.skuId().equals(Catalog.SPE_E5))).count());
        assertEquals(e5, counted.getOdataCount());

        ODataError noHeader = assertThrows(ODataError.class, () -> graph.users().get(rc -> rc.queryParameters.count = true));
        assertEquals(400, noHeader.getResponseStatusCode());

        String prefix = tenant.users().list().get(5).displayName().substring(0, 3);
        List<User> starts = graph.users().get(rc -> {
            rc.queryParameters.filter = "startsWith(displayName,'" + prefix.replace("'", "''") + "')";
            rc.queryParameters.top = 999;
        }).getValue();
        assertFalse(starts.isEmpty());
        assertTrue(starts.stream().allMatch(u -> u.getDisplayName().toLowerCase().startsWith(prefix.toLowerCase())));
    }

    @Test
    void notFoundMapsToODataErrorWithRequestIds() {
        ODataError e = assertThrows(ODataError.class, () -> graph.users().byUserId("00000000-0000-0000-0000-000000000001").get());
        assertEquals(404, e.getResponseStatusCode());
        assertEquals("Request_ResourceNotFound", e.getError().getCode());
        assertNotNull(e.getError().getInnerError().getRequestId());
        assertNotNull(e.getError().getInnerError().getDate());
        assertEquals(e.getError().getInnerError().getRequestId(), e.getResponseHeaders().get("request-id").iterator().next());
        ODataError badTop = assertThrows(ODataError.class, () -> graph.users().get(rc -> rc.queryParameters.top = 1000));
        assertEquals(400, badTop.getResponseStatusCode());
    }

    @Test
    void userByUpnManagerAndLicenseDetails() {
        var admin = tenant.users().require(tenant.adminUserId());
        User byUpn = graph.users().byUserId(admin.userPrincipalName()).get();
        assertEquals(admin.id(), byUpn.getId());
        ODataError noManager = assertThrows(ODataError.class, () -> graph.users().byUserId(admin.id()).manager().get());
        assertEquals(404, noManager.getResponseStatusCode());
        var report = tenant.users().list().stream().filter(u -> admin.id().equals(u.managerId())).findFirst().orElseThrow();
        DirectoryObject manager = graph.users().byUserId(report.id()).manager().get();
        assertTrue(manager instanceof User);
        assertEquals(admin.id(), manager.getId());
        List<LicenseDetails> details = graph.users().byUserId(admin.id()).licenseDetails().get().getValue();
        assertTrue(details.stream().anyMatch(d -> "SPE_E5".equals(d.getSkuPartNumber())));
        assertFalse(details.get(0).getServicePlans().isEmpty());
    }

    @Test
    void subscribedSkusConsumedUnitsMatchDirectAndGroupInheritedAssignments() {
        List<SubscribedSku> skus = graph.subscribedSkus().get().getValue();
        Map<String, Integer> expected = new HashMap<>();
        for (var u : tenant.users().list()) {
            Set<String> held = new HashSet<>();
            tenant.read(() -> tenant.effectiveLicenses(u)).forEach(l -> held.add(l.skuId()));
            held.forEach(s -> expected.merge(s, 1, Integer::sum));
        }
        assertEquals(7, skus.size());
        for (SubscribedSku s : skus) {
            assertEquals(expected.getOrDefault(s.getSkuId().toString(), 0), s.getConsumedUnits(), s.getSkuPartNumber());
            assertTrue(s.getPrepaidUnits().getEnabled() >= s.getConsumedUnits() || "Warning".equals(s.getCapabilityStatus()));
        }
        SubscribedSku pbi = skus.stream().filter(s -> "POWER_BI_PRO".equals(s.getSkuPartNumber())).findFirst().orElseThrow();
        assertTrue(pbi.getConsumedUnits() > 0, "Power BI Pro comes from group-based licensing");
        long direct = tenant.users().list().stream().filter(u -> u.assignedLicenses().stream().anyMatch(l -> l.skuId().equals(Catalog.POWER_BI_PRO))).count();
        assertTrue(pbi.getConsumedUnits() > direct, "inherited assignments count");
    }

    @Test
    void groupsTeamsFilterMembersAndTransitiveMembers() {
        GroupCollectionResponse teams = graph.groups().get(rc -> {
            rc.queryParameters.filter = "resourceProvisioningOptions/Any(x:x eq 'Team')";
            rc.queryParameters.select = new String[]{"id", "displayName", "resourceProvisioningOptions"};
        });
        long expectedTeams = tenant.groups().list().stream().filter(io.m365platform.graphsim.model.Group::isTeam).count();
        assertEquals(expectedTeams, teams.getValue().size());
        assertTrue(expectedTeams > 0);

        var nested = tenant.groups().list().stream().filter(g -> g.displayName().equals("All Staff (nested)")).findFirst().orElseThrow();
        List<DirectoryObject> direct = graph.groups().byGroupId(nested.id()).members().get().getValue();
        assertTrue(direct.stream().allMatch(o -> o instanceof Group), "the nested group holds groups");
        List<DirectoryObject> transitive = graph.groups().byGroupId(nested.id()).transitiveMembers().get(rc -> rc.queryParameters.top = 999).getValue();
        assertTrue(transitive.stream().anyMatch(o -> o instanceof User));
        assertTrue(transitive.size() > direct.size());

        var big = tenant.groups().list().stream().filter(g -> g.displayName().equals("All Employees")).findFirst().orElseThrow();
        List<String> ids = new ArrayList<>();
        var page = graph.groups().byGroupId(big.id()).members().get(rc -> rc.queryParameters.top = 50);
        while (true) {
            page.getValue().forEach(o -> ids.add(o.getId()));
            if (page.getOdataNextLink() == null) {
                break;
            }
            page = graph.groups().byGroupId(big.id()).members().withUrl(page.getOdataNextLink()).get();
        }
        assertEquals(big.members(), ids);
    }

    @Test
    void rolesOrganizationAppsAndConsents() {
        List<DirectoryRole> roles = graph.directoryRoles().get().getValue();
        DirectoryRole globalAdmin = roles.stream().filter(r -> Catalog.GLOBAL_ADMIN.templateId().equals(r.getRoleTemplateId())).findFirst().orElseThrow();
        assertNotEquals(globalAdmin.getRoleTemplateId(), globalAdmin.getId());
        List<DirectoryObject> admins = graph.directoryRoles().byDirectoryRoleId(globalAdmin.getId()).members().get().getValue();
        assertTrue(admins.stream().anyMatch(a -> a.getId().equals(tenant.adminUserId())));
        assertTrue(graph.roleManagement().directory().roleDefinitions().get().getValue().size() >= 8);
        List<UnifiedRoleAssignment> assignments = graph.roleManagement().directory().roleAssignments().get(rc -> {
            rc.queryParameters.filter = "principalId eq '" + tenant.adminUserId() + "'";
            rc.queryParameters.expand = new String[]{"principal"};
        }).getValue();
        assertEquals(Catalog.GLOBAL_ADMIN.templateId(), assignments.get(0).getRoleDefinitionId());
        assertEquals(tenant.adminUserId(), assignments.get(0).getPrincipal().getId());

        Organization org = graph.organization().get().getValue().get(0);
        assertEquals(tenant.id(), org.getId());
        assertTrue(org.getVerifiedDomains().stream().anyMatch(d -> Boolean.TRUE.equals(d.getIsInitial()) && d.getName().equals("reads.onmicrosoft.com")));

        List<ServicePrincipal> sps = graph.servicePrincipals().get(rc -> rc.queryParameters.top = 999).getValue();
        assertTrue(sps.stream().anyMatch(s -> "00000003-0000-0000-c000-000000000000".equals(s.getAppId())));
        assertTrue(sps.stream().anyMatch(s -> s.getAppOwnerOrganizationId() != null
                && !s.getAppOwnerOrganizationId().toString().equals(io.m365platform.graphsim.model.ServicePrincipal.MICROSOFT_TENANT)
                && !s.getAppOwnerOrganizationId().toString().equals(tenant.id())), "third-party apps exist");
        List<OAuth2PermissionGrant> grants = graph.oauth2PermissionGrants().get(rc -> rc.queryParameters.top = 999).getValue();
        assertTrue(grants.stream().anyMatch(g -> "AllPrincipals".equals(g.getConsentType()) && g.getPrincipalId() == null));
        assertTrue(grants.stream().anyMatch(g -> "Principal".equals(g.getConsentType()) && g.getPrincipalId() != null));
    }

    @Test
    void teamsMembersChannelsAndInstalledApps() {
        var team = tenant.groups().list().stream().filter(io.m365platform.graphsim.model.Group::isTeam).findFirst().orElseThrow();
        List<ConversationMember> members = graph.teams().byTeamId(team.id()).members().get().getValue();
        assertFalse(members.isEmpty());
        AadUserConversationMember owner = (AadUserConversationMember) members.stream()
                .filter(m -> m.getRoles().contains("owner")).findFirst().orElseThrow();
        assertEquals(team.owners().get(0), owner.getUserId());
        assertNotEquals(owner.getUserId(), owner.getId(), "membership id is not the user id");
        List<Channel> channels = graph.teams().byTeamId(team.id()).channels().get().getValue();
        assertEquals("General", channels.get(0).getDisplayName());

        var licensed = tenant.read(() -> tenant.userTable().liveValues().stream().filter(u -> tenant.hasServicePlan(u, "TEAMS")).findFirst().orElseThrow());
        List<com.microsoft.graph.models.UserScopeTeamsAppInstallation> apps = graph.users().byUserId(licensed.id()).teamwork().installedApps()
                .get(rc -> rc.queryParameters.expand = new String[]{"teamsApp", "teamsAppDefinition"}).getValue();
        assertFalse(apps.isEmpty());
        assertNotNull(apps.get(0).getTeamsApp().getDisplayName());
        assertNotNull(apps.get(0).getTeamsAppDefinition().getVersion());
    }

    @Test
    void reportSettingsReadAndPatch() {
        AdminReportSettings settings = graph.admin().reportSettings().get();
        assertTrue(settings.getDisplayConcealedNames(), "concealed names are on by default");
        AdminReportSettings patch = new AdminReportSettings();
        patch.setDisplayConcealedNames(false);
        graph.admin().reportSettings().patch(patch);
        assertFalse(tenant.displayConcealedNames());
        assertFalse(graph.admin().reportSettings().get().getDisplayConcealedNames());
        tenant.displayConcealedNames(true);
    }
}
