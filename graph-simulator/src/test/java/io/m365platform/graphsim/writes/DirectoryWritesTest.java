package io.m365platform.graphsim.writes;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.ReferenceCreate;
import com.microsoft.graph.models.ReferenceUpdate;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimClients;
import io.m365platform.graphsim.SimControl;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.Catalog;
import io.m365platform.graphsim.tenant.DirectoryRoleOperations;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Directory write actions through the Graph SDK v6: status codes, Graph's error answers, the change visible in a
 * later read and in users/delta (or groups/delta), and the permission checks of GRAPH_FACTS §8. Request bodies are
 * built afresh for every call: the SDK's backing store sends only values changed since the last serialisation.
 */
class DirectoryWritesTest {
    static GraphSimulator sim;
    static Tenant tenant;
    static GraphServiceClient writer;
    static final Map<String, GraphServiceClient> clients = new java.util.HashMap<>();
    static final Map<String, RegisteredApp> apps = new java.util.HashMap<>();
    static String domain;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        tenant = sim.tenants().generate(new GenerationSpec(31, 80, "writes"));
        domain = tenant.read(() -> tenant.organization().defaultDomain());
        register("writer", "User.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All", "Organization.Read.All", "User.RevokeSessions.All");
        register("enabler", "User.EnableDisableAccount.All", "User.Read.All");
        register("enablerOnly", "User.EnableDisableAccount.All");
        register("updater", "User.ReadUpdate.All", "User.Read.All");
        register("passwords", "User-PasswordProfile.ReadWrite.All", "User.Read.All");
        register("reader", "User.Read.All", "GroupMember.Read.All");
        register("members", "GroupMember.ReadWrite.All");
        writer = clients.get("writer");
    }

    static void register(String name, String... permissions) {
        RegisteredApp app = tenant.apps().register(Registration.of(name, Set.of(permissions)));
        apps.put(name, app);
        clients.put(name, SimClients.graph(sim, SimClients.msal(sim, tenant.id(), app.clientId(), app.secret())));
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

    static String usersDeltaLink(String select) {
        var page = writer.users().delta().get(rc -> rc.queryParameters.select = select == null ? null : select.split(","));
        while (page.getOdataNextLink() != null) {
            page = writer.users().delta().withUrl(page.getOdataNextLink()).get();
        }
        return page.getOdataDeltaLink();
    }

    static List<User> usersDelta(String link) {
        List<User> changes = new ArrayList<>();
        var page = writer.users().delta().withUrl(link).get();
        changes.addAll(page.getValue());
        while (page.getOdataNextLink() != null) {
            page = writer.users().delta().withUrl(page.getOdataNextLink()).get();
            changes.addAll(page.getValue());
        }
        return changes;
    }

    static User newUser(String nickname) {
        User u = new User();
        u.setAccountEnabled(true);
        u.setDisplayName("New " + nickname);
        u.setMailNickname(nickname);
        u.setUserPrincipalName(nickname + "@" + domain);
        PasswordProfile p = new PasswordProfile();
        p.setPassword("Str0ng!Passw0rd");
        p.setForceChangePasswordNextSignIn(true);
        u.setPasswordProfile(p);
        return u;
    }

    static io.m365platform.graphsim.model.User someMember(java.util.function.Predicate<io.m365platform.graphsim.model.User> p) {
        return tenant.users().list().stream().filter(u -> !u.isGuest() && u.accountEnabled())
                .filter(u -> new DirectoryRoleOperations(tenant).rolesOf(u.id()).isEmpty()).filter(p).findFirst().orElseThrow();
    }

    @Test
    void createUserIs201AndShowsInReadsAndDelta() {
        String link = usersDeltaLink("displayName,accountEnabled");
        User created = writer.users().post(newUser("nadia.new"));
        assertNotNull(created.getId());
        assertEquals("nadia.new@" + domain, created.getUserPrincipalName());
        assertEquals("New nadia.new", created.getDisplayName());
        assertEquals(created.getId(), writer.users().byUserId("nadia.new@" + domain).get().getId());
        List<User> changes = usersDelta(link);
        assertTrue(changes.stream().anyMatch(u -> u.getId().equals(created.getId()) && "New nadia.new".equals(u.getDisplayName())), "delta shows the new user");
        assertEquals(1, sim.counters().count("POST /v1.0/users", 201));

        // required fields, verified domain, password complexity, unique UPN
        User noNick = newUser("x1");
        noNick.setMailNickname(null);
        assertTrue(error(400, "Request_BadRequest", () -> writer.users().post(noNick)).getError().getMessage().contains("mailNickname"));
        User noPassword = newUser("x2");
        noPassword.setPasswordProfile(null);
        assertTrue(error(400, "Request_BadRequest", () -> writer.users().post(noPassword)).getError().getMessage().contains("passwordProfile"));
        User foreign = newUser("x3");
        foreign.setUserPrincipalName("x3@contoso-not-verified.example");
        assertTrue(error(400, "Request_BadRequest", () -> writer.users().post(foreign)).getError().getMessage()
                .startsWith("The domain portion of the userPrincipalName property is invalid"));
        User weak = newUser("x4");
        weak.getPasswordProfile().setPassword("password");
        assertTrue(error(400, "Request_BadRequest", () -> writer.users().post(weak)).getError().getMessage().contains("password complexity"));
        assertEquals("Another object with the same value for property userPrincipalName already exists.",
                error(400, "Request_BadRequest", () -> writer.users().post(newUser("nadia.new"))).getError().getMessage());
        User badChars = newUser("x5");
        badChars.setUserPrincipalName("x 5@" + domain);
        error(400, "Request_BadRequest", () -> writer.users().post(badChars));
        error(403, "Authorization_RequestDenied", () -> clients.get("reader").users().post(newUser("x6")));
    }

    @Test
    void updateAndDeleteAre204AndVisibleInDelta() {
        var target = someMember(u -> true);
        String link = usersDeltaLink("jobTitle,department,userType");
        User patch = new User();
        patch.setJobTitle("Chief Simulator");
        patch.setDepartment("Testing");
        long before = sim.counters().count("PATCH /v1.0/users/{id}", 204);
        assertNull(writer.users().byUserId(target.id()).patch(patch), "204 has no body");
        assertEquals(before + 1, sim.counters().count("PATCH /v1.0/users/{id}", 204));
        User read = writer.users().byUserId(target.id()).get(rc -> rc.queryParameters.select = new String[]{"jobTitle", "department"});
        assertEquals("Chief Simulator", read.getJobTitle());
        assertEquals("Testing", read.getDepartment());

        User guest = new User();
        guest.setUserType("Guest");
        writer.users().byUserId(target.id()).patch(guest);
        assertEquals("Guest", tenant.users().require(target.id()).userType());
        List<User> changes = usersDelta(link);
        User changed = changes.stream().filter(u -> u.getId().equals(target.id())).findFirst().orElseThrow();
        assertEquals("Chief Simulator", changed.getJobTitle());
        assertEquals("Guest", changed.getUserType());

        // userType needs User.ReadWrite.All; User.ReadUpdate.All is enough for plain properties
        User member = new User();
        member.setUserType("Member");
        error(403, "Authorization_RequestDenied", () -> clients.get("updater").users().byUserId(target.id()).patch(member));
        User title = new User();
        title.setJobTitle("Updated by ReadUpdate");
        clients.get("updater").users().byUserId(target.id()).patch(title);
        User bad = new User();
        bad.setUsageLocation("Germany");
        error(400, "Request_BadRequest", () -> writer.users().byUserId(target.id()).patch(bad));
        error(404, "Request_ResourceNotFound", () -> writer.users().byUserId("00000000-0000-0000-0000-000000000001").patch(title));

        String deleteLink = usersDeltaLink(null);
        var victim = someMember(u -> !u.id().equals(target.id()) && u.managerId() != null);
        writer.users().byUserId(victim.id()).delete();
        error(404, "Request_ResourceNotFound", () -> writer.users().byUserId(victim.id()).get());
        User removed = usersDelta(deleteLink).stream().filter(u -> u.getId().equals(victim.id())).findFirst().orElseThrow();
        var marker = (com.microsoft.kiota.serialization.UntypedObject) removed.getAdditionalData().get("@removed");
        assertEquals("changed", ((com.microsoft.kiota.serialization.UntypedString) marker.getValue().get("reason")).getValue());
    }

    @Test
    void accountEnabledNeedsEnableDisableWithUserReadOrUserReadWrite() {
        var target = someMember(u -> true);
        java.util.function.Supplier<User> disable = () -> {
            User u = new User();
            u.setAccountEnabled(false);
            return u;
        };
        error(403, "Authorization_RequestDenied", () -> clients.get("enablerOnly").users().byUserId(target.id()).patch(disable.get()));
        String link = usersDeltaLink("accountEnabled");
        clients.get("enabler").users().byUserId(target.id()).patch(disable.get());
        assertFalse(tenant.users().require(target.id()).accountEnabled());
        assertTrue(usersDelta(link).stream().anyMatch(u -> u.getId().equals(target.id()) && Boolean.FALSE.equals(u.getAccountEnabled())));
        // an administrator's account needs a privileged role on the app as well
        String admin = tenant.adminUserId();
        error(403, "Authorization_RequestDenied", () -> clients.get("enabler").users().byUserId(admin).patch(disable.get()));
        User enable = new User();
        enable.setAccountEnabled(true);
        writer.users().byUserId(target.id()).patch(enable);
        assertTrue(tenant.users().require(target.id()).accountEnabled());
    }

    @Test
    void passwordProfileNeedsItsPermissionAndTheUserAdministratorRole() {
        var target = someMember(u -> true);
        java.util.function.Supplier<User> reset = () -> {
            User u = new User();
            PasswordProfile p = new PasswordProfile();
            p.setPassword("N3w!Passw0rd-42");
            p.setForceChangePasswordNextSignIn(true);
            u.setPasswordProfile(p);
            return u;
        };
        error(403, "Authorization_RequestDenied", () -> writer.users().byUserId(target.id()).patch(reset.get())); // User.ReadWrite.All alone
        error(403, "Authorization_RequestDenied", () -> clients.get("passwords").users().byUserId(target.id()).patch(reset.get())); // no role yet
        SimControl control = new SimControl(sim);
        String roles = "/_sim/tenants/" + tenant.id() + "/apps/" + apps.get("passwords").clientId() + "/directoryRoles";
        assertEquals(204, control.post(roles, "{\"role\":\"User Administrator\"}").status());
        assertTrue(control.get(roles).text().contains(Catalog.USER_ADMIN.templateId()));
        long before = sim.counters().count("PATCH /v1.0/users/{id}", 204);
        clients.get("passwords").users().byUserId(target.id()).patch(reset.get());
        assertEquals(before + 1, sim.counters().count("PATCH /v1.0/users/{id}", 204));
        // resetting an administrator needs a privileged role
        error(403, "Authorization_RequestDenied", () -> clients.get("passwords").users().byUserId(tenant.adminUserId()).patch(reset.get()));
        PasswordProfile weak = new PasswordProfile();
        weak.setPassword("short");
        User weakReset = new User();
        weakReset.setPasswordProfile(weak);
        error(400, "Request_BadRequest", () -> clients.get("passwords").users().byUserId(target.id()).patch(weakReset));
        assertEquals(204, control.delete(roles + "/" + Catalog.USER_ADMIN.templateId()).status());
        error(403, "Authorization_RequestDenied", () -> clients.get("passwords").users().byUserId(target.id()).patch(reset.get()));
    }

    @Test
    void managerRefPutAndDelete() {
        var target = someMember(u -> u.managerId() != null);
        var newManager = someMember(u -> !u.id().equals(target.id()) && !u.id().equals(target.managerId()));
        String link = usersDeltaLink("manager");
        Function<String, ReferenceUpdate> ref = url -> {
            ReferenceUpdate r = new ReferenceUpdate();
            r.setOdataId(url);
            return r;
        };
        writer.users().byUserId(target.id()).manager().ref().put(ref.apply("https://graph.microsoft.com/v1.0/users/" + newManager.id()));
        assertEquals(newManager.id(), writer.users().byUserId(target.id()).manager().get().getId());
        User changed = usersDelta(link).stream().filter(u -> u.getId().equals(target.id())).findFirst().orElseThrow();
        assertNotNull(changed.getAdditionalData().get("manager@delta"), "manager@delta in users/delta");
        // directoryObjects form and the users('id') form work too
        writer.users().byUserId(target.id()).manager().ref().put(ref.apply("https://graph.microsoft.com/v1.0/directoryObjects/" + target.managerId()));
        assertEquals(target.managerId(), tenant.users().require(target.id()).managerId());
        writer.users().byUserId(target.id()).manager().ref().put(ref.apply("https://graph.microsoft.com/v1.0/users('" + newManager.id() + "')"));
        assertEquals(newManager.id(), tenant.users().require(target.id()).managerId());
        error(404, "Request_ResourceNotFound", () -> writer.users().byUserId(target.id()).manager().ref()
                .put(ref.apply("https://graph.microsoft.com/v1.0/users/00000000-0000-0000-0000-00000000dead")));

        writer.users().byUserId(target.id()).manager().ref().delete();
        assertEquals(3, sim.counters().count("PUT /v1.0/users/{id}/manager/$ref", 204));
        error(404, "Request_ResourceNotFound", () -> writer.users().byUserId(target.id()).manager().get());
        error(404, "Request_ResourceNotFound", () -> writer.users().byUserId(target.id()).manager().ref().delete());
        error(403, "Authorization_RequestDenied", () -> clients.get("reader").users().byUserId(target.id()).manager().ref()
                .put(ref.apply("https://graph.microsoft.com/v1.0/users/" + newManager.id())));
    }

    @Test
    void revokeSignInSessionsAnswers200WithValueTrueAndKillsRefreshTokens() throws Exception {
        var target = someMember(u -> true);
        // the user signed in to a delegated app: msal4j holds a refresh token
        RegisteredApp portal = tenant.apps().register(new Registration(null, "portal", Set.of(), Set.of("User.Read.All"),
                List.of(io.m365platform.graphsim.DelegatedSignIn.REDIRECT_URI), List.of(java.time.Duration.ofDays(30)), List.of()));
        var msal = SimClients.msalDelegated(sim, tenant.id(), portal.clientId(), portal.secret());
        Set<String> scopes = Set.of("https://graph.microsoft.com/User.Read.All");
        var signedIn = io.m365platform.graphsim.DelegatedSignIn.signIn(sim, msal, scopes, target.userPrincipalName());
        var silent = com.microsoft.aad.msal4j.SilentParameters.builder(scopes, signedIn.account())
                .authorityUrl(sim.authorityUrlLocalhost(tenant.id())).forceRefresh(true).build();
        assertNotNull(msal.acquireTokenSilently(silent).join().accessToken(), "the refresh token works before the revocation");

        var response = writer.users().byUserId(target.id()).revokeSignInSessions().post();
        assertEquals(Boolean.TRUE, response.getValue());
        var refused = assertThrows(java.util.concurrent.CompletionException.class, () -> msal.acquireTokenSilently(silent).join());
        assertTrue(refused.getCause().getMessage().startsWith("AADSTS50173"), refused.getCause().getMessage());
        assertEquals(1, sim.counters().count("POST /v1.0/users/{id}/revokeSignInSessions", 200));
        error(403, "Authorization_RequestDenied", () -> clients.get("reader").users().byUserId(target.id()).revokeSignInSessions().post());
        error(404, "Request_ResourceNotFound", () -> writer.users().byUserId("nobody@" + domain).revokeSignInSessions().post());
    }

    @Test
    void groupMemberAddIsIdempotentlyRefusedAndRemoveWorks() {
        var group = tenant.groups().list().stream().filter(g -> g.displayName().equals("IT Admins")).findFirst().orElseThrow();
        var user = someMember(u -> !group.members().contains(u.id()));
        var groupsDelta = writer.groups().delta().get();
        while (groupsDelta.getOdataNextLink() != null) {
            groupsDelta = writer.groups().delta().withUrl(groupsDelta.getOdataNextLink()).get();
        }
        String groupsLink = groupsDelta.getOdataDeltaLink();
        Function<String, ReferenceCreate> ref = id -> {
            ReferenceCreate r = new ReferenceCreate();
            r.setOdataId("https://graph.microsoft.com/v1.0/directoryObjects/" + id);
            return r;
        };
        writer.groups().byGroupId(group.id()).members().ref().post(ref.apply(user.id()));
        assertEquals(1, sim.counters().count("POST /v1.0/groups/{id}/members/$ref", 204));
        List<DirectoryObject> members = writer.groups().byGroupId(group.id()).members().get().getValue();
        assertTrue(members.stream().anyMatch(m -> m.getId().equals(user.id())));
        Group changed = writer.groups().delta().withUrl(groupsLink).get().getValue().stream()
                .filter(g -> g.getId().equals(group.id())).findFirst().orElseThrow();
        assertNotNull(changed.getAdditionalData().get("members@delta"), "groups/delta reports the new member");

        ODataError duplicate = error(400, "Request_BadRequest", () -> writer.groups().byGroupId(group.id()).members().ref().post(ref.apply(user.id())));
        assertEquals("One or more added object references already exist for the following modified properties: 'members'.", duplicate.getError().getMessage());
        error(404, "Request_ResourceNotFound", () -> writer.groups().byGroupId(group.id()).members().ref().post(ref.apply("00000000-0000-0000-0000-0000000000aa")));
        error(403, "Authorization_RequestDenied", () -> clients.get("reader").groups().byGroupId(group.id()).members().ref().post(ref.apply(user.id())));

        clients.get("members").groups().byGroupId(group.id()).members().byDirectoryObjectId(user.id()).ref().delete();
        assertFalse(tenant.groups().get(group.id()).members().contains(user.id()));
        error(404, "Request_ResourceNotFound", () -> writer.groups().byGroupId(group.id()).members().byDirectoryObjectId(user.id()).ref().delete());

        // bulk add with members@odata.bind (all or nothing)
        var a = someMember(u -> !tenant.groups().get(group.id()).members().contains(u.id()));
        Function<List<String>, Group> bulk = ids -> {
            Group g = new Group();
            g.getAdditionalData().put("members@odata.bind", ids.stream().map(id -> "https://graph.microsoft.com/v1.0/directoryObjects/" + id).toList());
            return g;
        };
        error(400, "Request_BadRequest", () -> writer.groups().byGroupId(group.id()).patch(bulk.apply(List.of(a.id(), group.members().get(0)))));
        assertFalse(tenant.groups().get(group.id()).members().contains(a.id()), "nothing added when one reference already exists");
        writer.groups().byGroupId(group.id()).patch(bulk.apply(List.of(a.id())));
        assertTrue(tenant.groups().get(group.id()).members().contains(a.id()));
    }

    @Test
    void assignLicenseNeedsUsageLocationAndBothKeysAndMovesConsumedUnits() {
        var target = someMember(u -> u.assignedLicenses().isEmpty() && u.usageLocation() == null);
        Function<String, Integer> consumed = skuId -> writer.subscribedSkus().get().getValue().stream()
                .filter(s -> s.getSkuId().toString().equals(skuId)).map(SubscribedSku::getConsumedUnits).findFirst().orElseThrow();
        int before = consumed.apply(Catalog.SPE_E3);
        java.util.function.Supplier<AssignedLicense> e3 = () -> {
            AssignedLicense l = new AssignedLicense();
            l.setSkuId(java.util.UUID.fromString(Catalog.SPE_E3));
            l.setDisabledPlans(List.of(java.util.UUID.fromString(Catalog.YAMMER.servicePlanId())));
            return l;
        };
        java.util.function.Supplier<AssignLicensePostRequestBody> body = () -> {
            AssignLicensePostRequestBody b = new AssignLicensePostRequestBody();
            b.setAddLicenses(List.of(e3.get()));
            b.setRemoveLicenses(List.of());
            return b;
        };
        ODataError noLocation = error(400, "Request_BadRequest", () -> writer.users().byUserId(target.id()).assignLicense().post(body.get()));
        assertEquals("License assignment cannot be done for user with invalid usage location.", noLocation.getError().getMessage());
        User location = new User();
        location.setUsageLocation("DE");
        writer.users().byUserId(target.id()).patch(location);
        String link = usersDeltaLink("assignedLicenses");
        User updated = writer.users().byUserId(target.id()).assignLicense().post(body.get());
        assertTrue(usersDelta(link).stream().anyMatch(u -> u.getId().equals(target.id()) && u.getAssignedLicenses().size() == 1),
                "users/delta shows the new licence");
        assertEquals(target.id(), updated.getId());
        assertEquals(before + 1, consumed.apply(Catalog.SPE_E3));
        User read = writer.users().byUserId(target.id()).get(rc -> rc.queryParameters.select = new String[]{"assignedLicenses"});
        assertEquals(Catalog.SPE_E3, read.getAssignedLicenses().get(0).getSkuId().toString());
        assertEquals(Catalog.YAMMER.servicePlanId(), read.getAssignedLicenses().get(0).getDisabledPlans().get(0).toString());

        AssignLicensePostRequestBody onlyAdd = new AssignLicensePostRequestBody();
        onlyAdd.setAddLicenses(List.of(e3.get()));
        assertTrue(error(400, "Request_BadRequest", () -> writer.users().byUserId(target.id()).assignLicense().post(onlyAdd))
                .getError().getMessage().contains("removeLicenses"));
        AssignLicensePostRequestBody remove = new AssignLicensePostRequestBody();
        remove.setAddLicenses(List.of());
        remove.setRemoveLicenses(List.of(java.util.UUID.fromString(Catalog.SPE_E3)));
        writer.users().byUserId(target.id()).assignLicense().post(remove);
        assertEquals(before, consumed.apply(Catalog.SPE_E3));
        error(403, "Authorization_RequestDenied", () -> clients.get("reader").users().byUserId(target.id()).assignLicense().post(body.get()));
    }
    @Test
    void aLicenceInheritedFromAGroupCannotBeRemovedFromTheUser() {
        var inheriting = someMember(u -> u.assignedLicenses().stream().noneMatch(l -> l.skuId().equals(Catalog.POWER_BI_PRO))
                && tenant.read(() -> tenant.effectiveLicenses(u)).stream().anyMatch(l -> l.skuId().equals(Catalog.POWER_BI_PRO)));
        AssignLicensePostRequestBody remove = new AssignLicensePostRequestBody();
        remove.setAddLicenses(List.of());
        remove.setRemoveLicenses(List.of(java.util.UUID.fromString(Catalog.POWER_BI_PRO)));
        ODataError refused = error(400, "Request_BadRequest", () -> writer.users().byUserId(inheriting.id()).assignLicense().post(remove));
        assertEquals("User license is inherited from group membership and cannot be removed directly from the user.",
                refused.getError().getMessage());
        assertTrue(tenant.read(() -> tenant.effectiveLicenses(tenant.users().get(inheriting.id()))).stream()
                .anyMatch(l -> l.skuId().equals(Catalog.POWER_BI_PRO)), "the licence stays");
    }
}
