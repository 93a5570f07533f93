package io.m365platform.graphsim.graph;

import com.microsoft.graph.models.AppRole;
import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.Team;
import com.microsoft.graph.models.TeamVisibilityType;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimClients;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.SignInActivity;
import io.m365platform.graphsim.tenant.AppOperations;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.Catalog;
import io.m365platform.graphsim.tenant.DirectoryRoleOperations;
import io.m365platform.graphsim.tenant.FixtureCodec;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantException;
import io.m365platform.graphsim.tenant.TenantFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Employee data, password changes and signInActivity of users, the team resource and service principals' app role
 * assignments, through the Graph SDK v6, against the tenant's ground truth; permissions and Graph's refusals.
 */
class SignInTeamsAppRolesTest {
    static GraphSimulator sim;
    static Tenant tenant;
    static GraphServiceClient auditor;   // User.Read.All + AuditLog.Read.All
    static GraphServiceClient reader;    // User.Read.All only
    static GraphServiceClient teamReader; // Team.ReadBasic.All only
    static GraphServiceClient directory; // Directory.Read.All
    static AppOperations.RegisteredApp passwordsApp;
    static GraphServiceClient passwords;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        tenant = sim.tenants().generate(new GenerationSpec(41, 1500, "signins"));
        auditor = client("auditor", "User.Read.All", "AuditLog.Read.All");
        reader = client("reader", "User.Read.All");
        teamReader = client("teams", "Team.ReadBasic.All");
        directory = client("directory", "Directory.Read.All");
        passwordsApp = tenant.apps().register(Registration.of("passwords", Set.of("User-PasswordProfile.ReadWrite.All", "User.Read.All")));
        passwords = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), passwordsApp.clientId(), passwordsApp.secret()));
    }

    static GraphServiceClient client(String name, String... permissions) {
        var app = tenant.apps().register(Registration.of(name, Set.of(permissions)));
        return SimClients.graph(sim, SimClients.msal(sim, tenant.id(), app.clientId(), app.secret()));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static ODataError error(int status, String code, Executable call) {
        ODataError e = assertThrows(ODataError.class, call);
        assertEquals(status, e.getResponseStatusCode(), e.getError() == null ? "" : e.getError().getMessage());
        assertEquals(code, e.getError().getCode(), e.getError().getMessage());
        assertNotNull(e.getError().getInnerError().getRequestId());
        return e;
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static List<User> allUsers(GraphServiceClient client, int top, String... select) {
        UserCollectionResponse page = client.users().get(rc -> {
            rc.queryParameters.top = top;
            rc.queryParameters.select = select;
        });
        List<User> all = new ArrayList<>(page.getValue());
        while (page.getOdataNextLink() != null) {
            assertTrue(page.getValue().size() <= top);
            page = client.users().withUrl(page.getOdataNextLink()).get();
            all.addAll(page.getValue());
        }
        return all;
    }

    @Test
    void usersCarryEmployeeDataPasswordChangeAndSignInActivityWhenSelected() {
        List<User> served = allUsers(auditor, 500, "id", "userType", "accountEnabled", "createdDateTime", "employeeId",
                "employeeType", "lastPasswordChangeDateTime", "signInActivity");
        Map<String, io.m365platform.graphsim.model.User> truth = tenant.users().list().stream()
                .collect(Collectors.toMap(io.m365platform.graphsim.model.User::id, Function.identity()));
        assertEquals(truth.size(), served.size());
        int neverSignedIn = 0;
        int failedLast = 0;
        for (User u : served) {
            var t = truth.get(u.getId());
            assertEquals(t.employeeId(), u.getEmployeeId());
            assertEquals(t.employeeType(), u.getEmployeeType());
            assertEquals(t.lastPasswordChangeDateTime(), instant(u.getLastPasswordChangeDateTime()));
            assertFalse(t.lastPasswordChangeDateTime().isBefore(t.createdDateTime()), "password changed after creation");
            SignInActivity a = t.signInActivity();
            var s = u.getSignInActivity();
            assertNotNull(s, "signInActivity is served (all values null when never signed in)");
            assertEquals(a.lastSignInDateTime(), instant(s.getLastSignInDateTime()));
            assertEquals(a.lastSignInRequestId(), s.getLastSignInRequestId());
            assertEquals(a.lastNonInteractiveSignInDateTime(), instant(s.getLastNonInteractiveSignInDateTime()));
            assertEquals(a.lastNonInteractiveSignInRequestId(), s.getLastNonInteractiveSignInRequestId());
            assertEquals(a.lastSuccessfulSignInDateTime(), instant(s.getLastSuccessfulSignInDateTime()));
            assertEquals(a.lastSuccessfulSignInRequestId(), s.getLastSuccessfulSignInRequestId());
            if (a.lastSignInDateTime() == null) {
                neverSignedIn++;
                assertNull(s.getLastSuccessfulSignInDateTime());
            } else {
                assertFalse(a.lastSignInDateTime().isBefore(t.createdDateTime()), "no sign-in before the account existed");
                if (a.lastSuccessfulSignInDateTime().isBefore(a.lastSignInDateTime())) {
                    failedLast++;
                }
            }
            if (t.isGuest()) {
                continue;
            }
            assertTrue(Set.of("Employee", "Contractor").contains(t.employeeType()), t.employeeType());
            assertNotNull(t.employeeId());
        }
        assertTrue(neverSignedIn > 0, "some users never signed in");
        assertTrue(failedLast > 0, "some users' last attempt failed");
        var guests = truth.values().stream().filter(io.m365platform.graphsim.model.User::isGuest).toList();
        assertTrue(guests.stream().filter(g -> g.employeeId() == null).count() > guests.size() / 2, "guests mostly without employeeId");
        var members = truth.values().stream().filter(u -> !u.isGuest()).toList();
        assertTrue(members.stream().anyMatch(u -> "Contractor".equals(u.employeeType())));
        // disabled accounts signed in long ago, enabled members recently
        Instant now = tenant.now();
        double enabledDays = members.stream().filter(u -> u.accountEnabled() && u.signInActivity().lastSignInDateTime() != null)
                .mapToLong(u -> java.time.Duration.between(u.signInActivity().lastSignInDateTime(), now).toDays()).average().orElseThrow();
        double disabledDays = members.stream().filter(u -> !u.accountEnabled() && u.signInActivity().lastSignInDateTime() != null)
                .mapToLong(u -> java.time.Duration.between(u.signInActivity().lastSignInDateTime(), now).toDays()).average().orElseThrow();
        assertTrue(enabledDays < 31 && disabledDays > 59, enabledDays + " / " + disabledDays);

        // single user, default property set: none of them unless selected
        User one = reader.users().byUserId(served.get(3).getId()).get();
        assertNull(one.getEmployeeId());
        assertNull(one.getSignInActivity());
        User selected = reader.users().byUserId(served.get(3).getId()).get(rc -> rc.queryParameters.select = new String[]{"employeeId", "employeeType"});
        assertEquals(truth.get(served.get(3).getId()).employeeId(), selected.getEmployeeId());
        // employeeType filter works like the other string properties
        List<User> contractors = reader.users().get(rc -> {
            rc.queryParameters.filter = "employeeType eq 'Contractor'";
            rc.queryParameters.top = 999;
        }).getValue();
        assertEquals(truth.values().stream().filter(u -> "Contractor".equals(u.employeeType())).count(), contractors.size());
    }

    @Test
    void signInActivityNeedsAuditLogReadAllPagesOfAtMost500AndIsRefusedByDelta() {
        error(403, "Authorization_RequestDenied", () -> reader.users().get(rc -> rc.queryParameters.select = new String[]{"id", "signInActivity"}));
        error(403, "Authorization_RequestDenied", () -> reader.users().byUserId(tenant.adminUserId())
                .get(rc -> rc.queryParameters.select = new String[]{"signInActivity"}));
        assertEquals(tenant.users().count(), allUsers(reader, 999, "id", "employeeId").size(), "the rest needs no AuditLog.Read.All");
        error(400, "Request_BadRequest", () -> auditor.users().get(rc -> {
            rc.queryParameters.select = new String[]{"id", "signInActivity"};
            rc.queryParameters.top = 501;
        }));
        assertEquals(500, auditor.users().get(rc -> {
            rc.queryParameters.select = new String[]{"id", "signInActivity"};
            rc.queryParameters.top = 500;
        }).getValue().size());
        assertEquals(tenant.users().count(), allUsers(auditor, 120, "id", "signInActivity").size());
        error(400, "Request_UnsupportedQuery", () -> auditor.users().delta().get(rc -> rc.queryParameters.select = new String[]{"id", "signInActivity"}));
    }

    @Test
    void aRecordedSignInIsServedButDoesNotSurfaceInUsersDelta() {
        var user = tenant.users().list().stream().filter(u -> !u.isGuest() && u.accountEnabled()).skip(40).findFirst().orElseThrow();
        var page = auditor.users().delta().get(rc -> rc.queryParameters.select = new String[]{"id", "displayName", "lastPasswordChangeDateTime"});
        while (page.getOdataNextLink() != null) {
            page = auditor.users().delta().withUrl(page.getOdataNextLink()).get();
        }
        String deltaLink = page.getOdataDeltaLink();

        Instant at = tenant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var before = user.signInActivity();
        tenant.users().recordSignIn(user.id(), at, true, false); // a failed interactive attempt
        var after = tenant.users().recordSignIn(user.id(), at.plusSeconds(10), false, true).signInActivity(); // then a refresh
        User served = auditor.users().byUserId(user.id()).get(rc -> rc.queryParameters.select = new String[]{"signInActivity"});
        assertEquals(at, instant(served.getSignInActivity().getLastSignInDateTime()));
        assertEquals(at.plusSeconds(10), instant(served.getSignInActivity().getLastNonInteractiveSignInDateTime()));
        assertEquals(at.plusSeconds(10), instant(served.getSignInActivity().getLastSuccessfulSignInDateTime()));
        assertEquals(after.lastNonInteractiveSignInRequestId(), served.getSignInActivity().getLastSuccessfulSignInRequestId());
        assertFalse(after.lastSignInRequestId().equals(before.lastSignInRequestId()));
        assertTrue(auditor.users().delta().withUrl(deltaLink).get().getValue().isEmpty(), "sign-ins are not delta changes");

        // a password reset (PATCH passwordProfile) moves lastPasswordChangeDateTime to now, and delta shows it
        new DirectoryRoleOperations(tenant).assign(passwordsApp.servicePrincipalId(), Catalog.USER_ADMIN.templateId());
        sim.clock().advance(java.time.Duration.ofMinutes(5));
        PasswordProfile profile = new PasswordProfile();
        profile.setPassword("N3w-Passw0rd!" + UUID.randomUUID());
        profile.setForceChangePasswordNextSignIn(true);
        User reset = new User();
        reset.setPasswordProfile(profile);
        passwords.users().byUserId(user.id()).patch(reset);
        Instant changed = tenant.users().get(user.id()).lastPasswordChangeDateTime();
        assertEquals(tenant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).getEpochSecond(), changed.getEpochSecond(), 2);
        List<User> delta = auditor.users().delta().withUrl(deltaLink).get().getValue();
        assertEquals(List.of(user.id()), delta.stream().map(User::getId).toList());
        assertEquals(changed, instant(delta.get(0).getLastPasswordChangeDateTime()));
    }

    @Test
    void teamsAreServedWithArchiveStateAndPermissionChecks() {
        List<Group> teams = tenant.groups().list().stream().filter(Group::isTeam).toList();
        assertTrue(teams.size() > 3);
        long archived = tenant.read(() -> teams.stream().filter(g -> tenant.team(g.id()).isArchived()).count());
        assertTrue(archived > 0 && archived < teams.size(), "the generated tenant has archived and active teams: " + archived);
        for (Group g : teams) {
            var truth = tenant.read(() -> tenant.team(g.id()));
            Team served = teamReader.teams().byTeamId(g.id()).get();
            assertEquals(g.id(), served.getId());
            assertEquals(g.displayName(), served.getDisplayName());
            assertEquals(g.description(), served.getDescription());
            assertEquals(truth.isArchived(), served.getIsArchived());
            assertEquals(truth.classification(), served.getClassification());
            assertEquals("Private".equals(g.visibility()) ? TeamVisibilityType.Private : TeamVisibilityType.Public, served.getVisibility());
            assertTrue(served.getWebUrl().startsWith("https://teams.microsoft.com/l/team/") && served.getWebUrl().contains(g.id()), served.getWebUrl());
            assertEquals(g.createdDateTime(), instant(served.getCreatedDateTime()));
            assertNotNull(served.getMemberSettings().getAllowCreateUpdateChannels());
            assertNotNull(served.getFunSettings().getGiphyContentRating());
        }
        Group active = teams.stream().filter(g -> !tenant.read(() -> tenant.team(g.id()).isArchived())).findFirst().orElseThrow();
        tenant.groups().setTeamArchived(active.id(), true);
        assertTrue(directory.teams().byTeamId(active.id()).get().getIsArchived());
        tenant.groups().setTeamArchived(active.id(), false);
        assertFalse(directory.teams().byTeamId(active.id()).get(rc -> rc.queryParameters.select = new String[]{"isArchived"}).getIsArchived());

        error(403, "Authorization_RequestDenied", () -> reader.teams().byTeamId(active.id()).get());
        Group notTeam = tenant.groups().list().stream().filter(g -> !g.isTeam()).findFirst().orElseThrow();
        error(404, "NotFound", () -> teamReader.teams().byTeamId(notTeam.id()).get());
        assertThrows(TenantException.class, () -> tenant.groups().setTeamArchived(notTeam.id(), true));
    }

    @Test
    void thirdPartyAppsHoldAppRolesOnMicrosoftGraph() {
        var sps = tenant.read(() -> tenant.servicePrincipalTable().liveValues());
        var graphSp = sps.stream().filter(s -> s.appId().equals(AppOperations.GRAPH_APP_ID)).findFirst().orElseThrow();
        Map<String, String> roleValues = new HashMap<>();
        for (AppRole r : directory.servicePrincipals().byServicePrincipalId(graphSp.id())
                .get(rc -> rc.queryParameters.select = new String[]{"id", "appRoles"}).getAppRoles()) {
            roleValues.put(r.getId().toString(), r.getValue());
        }
        assertEquals("User.Read.All", roleValues.get("df021288-bdef-4463-88db-98f22de89214"));
        var assignments = tenant.read(() -> List.copyOf(tenant.appRoleAssignmentList()));
        assertFalse(assignments.isEmpty());
        var thirdParty = sps.stream().filter(s -> !s.appOwnerOrganizationId().equals(io.m365platform.graphsim.model.ServicePrincipal.MICROSOFT_TENANT)
                && !s.appOwnerOrganizationId().equals(tenant.id())).toList();
        int holders = 0;
        for (var sp : thirdParty) {
            List<AppRoleAssignment> served = directory.servicePrincipals().byServicePrincipalId(sp.id()).appRoleAssignments().get().getValue();
            var truth = assignments.stream().filter(a -> a.principalId().equals(sp.id())).toList();
            assertEquals(truth.stream().map(io.m365platform.graphsim.model.AppRoleAssignment::id).toList(),
                    served.stream().map(AppRoleAssignment::getId).toList());
            for (AppRoleAssignment a : served) {
                assertEquals(sp.id(), a.getPrincipalId().toString());
                assertEquals(sp.displayName(), a.getPrincipalDisplayName());
                assertEquals("ServicePrincipal", a.getPrincipalType());
                assertEquals(graphSp.id(), a.getResourceId().toString());
                assertEquals("Microsoft Graph", a.getResourceDisplayName());
                assertNotNull(roleValues.get(a.getAppRoleId().toString()), "app role resolves through the resource's appRoles");
                assertNotNull(a.getCreatedDateTime());
            }
            holders += served.isEmpty() ? 0 : 1;
        }
        assertTrue(holders > 0 && holders < thirdParty.size(), "some third-party apps hold application permissions: " + holders);

        var app = thirdParty.get(thirdParty.size() - 1);
        int before = directory.servicePrincipals().byServicePrincipalId(app.id()).appRoleAssignments().get().getValue().size();
        var granted = tenant.apps().grantAppRole(app.id(), AppOperations.GRAPH_APP_ID, "AuditLog.Read.All");
        if (before > 0 && tenant.apps().appRoleAssignments(app.id()).stream().filter(a -> a.appRoleId().equals(granted.appRoleId())).count() > 1) {
            throw new AssertionError("duplicate grant accepted");
        }
        List<AppRoleAssignment> after = directory.servicePrincipals().byServicePrincipalId(app.id()).appRoleAssignments().get().getValue();
        assertEquals(before + 1, after.size());
        assertEquals("b0afded3-3588-46d8-8b3d-9842eff778da", after.get(after.size() - 1).getAppRoleId().toString());
        assertEquals(TenantException.Kind.CONFLICT, assertThrows(TenantException.class,
                () -> tenant.apps().grantAppRole(app.id(), graphSp.id(), "b0afded3-3588-46d8-8b3d-9842eff778da")).kind());
        assertEquals(TenantException.Kind.INVALID, assertThrows(TenantException.class,
                () -> tenant.apps().grantAppRole(app.id(), graphSp.id(), "No.Such.Permission")).kind());
        tenant.apps().revokeAppRole(granted.id());
        assertEquals(before, directory.servicePrincipals().byServicePrincipalId(app.id()).appRoleAssignments().get().getValue().size());

        error(403, "Authorization_RequestDenied", () -> reader.servicePrincipals().byServicePrincipalId(app.id()).appRoleAssignments().get());
        error(404, "Request_ResourceNotFound", () -> directory.servicePrincipals().byServicePrincipalId(UUID.randomUUID().toString()).appRoleAssignments().get());
    }

    @Test
    void theFixtureRoundTripKeepsTheNewState() {
        Tenant t = sim.tenants().generate(new GenerationSpec(42, 120, "roundtrip"));
        var user = t.users().list().get(7);
        t.users().recordSignIn(user.id(), t.now().minusSeconds(5), true, true);
        Group team = t.groups().list().stream().filter(Group::isTeam).findFirst().orElseThrow();
        t.groups().setTeamArchived(team.id(), true);
        TenantFixture exported = FixtureCodec.export(t);
        assertFalse(exported.appRoleAssignments().isEmpty());
        Tenant copy = FixtureCodec.load(exported, Clock.systemUTC());
        TenantFixture again = FixtureCodec.export(copy);
        assertEquals(exported.users(), again.users());
        assertEquals(exported.teams(), again.teams());
        assertEquals(exported.appRoleAssignments(), again.appRoleAssignments());
        assertEquals(t.users().get(user.id()).signInActivity(), copy.users().get(user.id()).signInActivity());
        assertTrue(copy.read(() -> copy.team(team.id()).isArchived()));
        // through JSON too, as the control API and fixture files carry it
        String json = io.m365platform.graphsim.http.Json.MAPPER.valueToTree(exported).toString();
        assertTrue(json.contains("\"lastSuccessfulSignInRequestId\"") && json.contains("\"employeeType\"") && json.contains("\"isArchived\":true"));
        TenantFixture parsed = assertDoesNotThrowParse(json);
        assertEquals(exported.users(), parsed.users());
        assertEquals(exported.teams(), parsed.teams());
        assertEquals(exported.appRoleAssignments(), parsed.appRoleAssignments());
        assertEquals(OffsetDateTime.ofInstant(t.users().get(user.id()).lastPasswordChangeDateTime(), ZoneOffset.UTC).toInstant(),
                parsed.users().stream().filter(u -> u.id().equals(user.id())).findFirst().orElseThrow().lastPasswordChangeDateTime());
    }

    private static TenantFixture assertDoesNotThrowParse(String json) {
        try {
            return io.m365platform.graphsim.http.Json.MAPPER.readValue(json, TenantFixture.class);
        } catch (Exception e) {
            throw new AssertionError("fixture JSON does not parse back: " + e, e);
        }
    }
}
