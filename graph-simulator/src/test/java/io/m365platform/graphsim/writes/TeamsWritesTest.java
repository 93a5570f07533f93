package io.m365platform.graphsim.writes;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.graph.models.AadUserConversationMember;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.ChatMessage;
import com.microsoft.graph.models.ConversationMember;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.m365platform.graphsim.DelegatedSignIn;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimClients;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teams writes through the Graph SDK v6: member add/remove by membership id, channel messages app-only vs delegated. */
class TeamsWritesTest {
    static GraphSimulator sim;
    static Tenant tenant;
    static GraphServiceClient teams;
    static GraphServiceClient nonOwnerApp;
    static GraphServiceClient importer;
    static RegisteredApp delegatedApp;
    static Group team;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        tenant = sim.tenants().generate(new GenerationSpec(41, 90, "teamwrites"));
        teams = client("teams admin", "TeamMember.ReadWrite.All", "Group.Read.All", "ChannelMessage.Read.All", "Channel.ReadBasic.All");
        nonOwnerApp = client("non-owner", "TeamMember.ReadWriteNonOwnerRole.All");
        importer = client("importer", "Teamwork.Migrate.All");
        delegatedApp = tenant.apps().register(new Registration(null, "team poster", Set.of(), Set.of("ChannelMessage.Send"),
                List.of(DelegatedSignIn.REDIRECT_URI), List.of(Duration.ofDays(30)), List.of()));
        team = tenant.groups().list().stream().filter(Group::isTeam).findFirst().orElseThrow();
    }

    static GraphServiceClient client(String name, String... permissions) {
        RegisteredApp app = tenant.apps().register(Registration.of(name, Set.of(permissions)));
        return SimClients.graph(sim, SimClients.msal(sim, tenant.id(), app.clientId(), app.secret()));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static final BiFunction<String, List<String>, AadUserConversationMember> MEMBER = (userRef, roles) -> {
        AadUserConversationMember m = new AadUserConversationMember();
        m.setRoles(roles);
        m.getAdditionalData().put("user@odata.bind", "https://graph.microsoft.com/v1.0/users('" + userRef + "')");
        return m;
    };

    static User outsider() {
        Group g = tenant.groups().get(team.id());
        return tenant.users().list().stream().filter(u -> !u.isGuest() && u.accountEnabled() && !g.members().contains(u.id())
                && !g.owners().contains(u.id()) && !u.id().equals(tenant.adminUserId())).findFirst().orElseThrow();
    }

    @Test
    void addAndRemoveMembersByMembershipId() {
        User user = outsider();
        ConversationMember added = teams.teams().byTeamId(team.id()).members().post(MEMBER.apply(user.id(), List.of()));
        assertTrue(added instanceof AadUserConversationMember);
        assertEquals(user.id(), ((AadUserConversationMember) added).getUserId());
        assertEquals(List.of(), added.getRoles());
        assertNotEquals(user.id(), added.getId(), "a membership id is not the user id");
        assertEquals(1, sim.counters().count("POST /v1.0/teams/{id}/members", 201));
        List<ConversationMember> members = teams.teams().byTeamId(team.id()).members().get().getValue();
        assertTrue(members.stream().anyMatch(m -> m.getId().equals(added.getId())));
        assertTrue(tenant.groups().get(team.id()).members().contains(user.id()), "a team member is a member of the group");

        // UPN in the bind works too; owners need TeamMember.ReadWrite.All
        User owner = outsider();
        ConversationMember promoted = teams.teams().byTeamId(team.id()).members().post(MEMBER.apply(owner.userPrincipalName(), List.of("owner")));
        assertEquals(List.of("owner"), promoted.getRoles());
        assertTrue(tenant.groups().get(team.id()).owners().contains(owner.id()));
        ODataError ownerDenied = assertThrows(ODataError.class,
                () -> nonOwnerApp.teams().byTeamId(team.id()).members().post(MEMBER.apply(outsider().id(), List.of("owner"))));
        assertEquals(403, ownerDenied.getResponseStatusCode());
        nonOwnerApp.teams().byTeamId(team.id()).members().post(MEMBER.apply(outsider().id(), List.of()));

        ODataError unknown = assertThrows(ODataError.class,
                () -> teams.teams().byTeamId(team.id()).members().post(MEMBER.apply("00000000-0000-0000-0000-0000000000bb", List.of())));
        assertEquals(404, unknown.getResponseStatusCode());
        AadUserConversationMember noBind = new AadUserConversationMember();
        noBind.setRoles(List.of());
        assertEquals(400, assertThrows(ODataError.class, () -> teams.teams().byTeamId(team.id()).members().post(noBind)).getResponseStatusCode());

        // removal takes the membership id; a user id is not one
        ODataError byUserId = assertThrows(ODataError.class, () -> teams.teams().byTeamId(team.id()).members().byConversationMemberId(user.id()).delete());
        assertEquals(404, byUserId.getResponseStatusCode());
        teams.teams().byTeamId(team.id()).members().byConversationMemberId(added.getId()).delete();
        assertEquals(1, sim.counters().count("DELETE /v1.0/teams/{id}/members/{membershipId}", 204));
        assertFalse(tenant.groups().get(team.id()).members().contains(user.id()));
        assertFalse(teams.teams().byTeamId(team.id()).members().get().getValue().stream().anyMatch(m -> m.getId().equals(added.getId())));
        teams.teams().byTeamId(team.id()).members().byConversationMemberId(promoted.getId()).delete();
        assertFalse(tenant.groups().get(team.id()).owners().contains(owner.id()));
    }

    @Test
    void theLastOwnerOfATeamCannotBeRemoved() {
        Group other = tenant.groups().list().stream().filter(Group::isTeam).filter(g -> !g.id().equals(team.id()))
                .findFirst().orElse(team);
        if (tenant.groups().get(other.id()).owners().isEmpty()) {
            tenant.groups().addOwner(other.id(), outsider().id());
        }
        List<String> owners = tenant.groups().get(other.id()).owners();
        owners.subList(1, owners.size()).forEach(o -> tenant.groups().removeOwner(other.id(), o));
        String lastOwner = owners.get(0);
        ConversationMember membership = teams.teams().byTeamId(other.id()).members().get().getValue().stream()
                .filter(m -> lastOwner.equals(((AadUserConversationMember) m).getUserId())).findFirst()
                .orElseThrow(() -> new AssertionError("no membership of " + lastOwner + " in " + teams.teams().byTeamId(other.id())
                        .members().get().getValue().stream().map(m -> ((AadUserConversationMember) m).getUserId() + "/" + m.getRoles()).toList()));
        ODataError refused = assertThrows(ODataError.class,
                () -> teams.teams().byTeamId(other.id()).members().byConversationMemberId(membership.getId()).delete());
        assertEquals(400, refused.getResponseStatusCode());
        assertTrue(refused.getError().getMessage().contains("at least one owner"), refused.getError().getMessage());
        assertTrue(tenant.groups().get(other.id()).owners().contains(lastOwner), "the owner stays");
    }

    static final Function<String, ChatMessage> MESSAGE = text -> {
        ChatMessage m = new ChatMessage();
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Text);
        body.setContent(text);
        m.setBody(body);
        return m;
    };

    @Test
    void channelMessagesAreForbiddenAppOnlyAndPostedDelegated() {
        String channelId = tenant.read(() -> tenant.team(team.id()).channels().get(0).id());
        ODataError appOnly = assertThrows(ODataError.class,
                () -> teams.teams().byTeamId(team.id()).channels().byChannelId(channelId).messages().post(MESSAGE.apply("hello")));
        assertEquals(403, appOnly.getResponseStatusCode());
        assertTrue(appOnly.getError().getMessage().startsWith("Message POST is allowed in application-only context only for import purposes"),
                appOnly.getError().getMessage());

        // the signed-in admin (delegated ChannelMessage.Send) must be a member of the team
        User admin = tenant.users().require(tenant.adminUserId());
        var msal = SimClients.msalDelegated(sim, tenant.id(), delegatedApp.clientId(), delegatedApp.secret());
        IAuthenticationResult signedIn = DelegatedSignIn.signIn(sim, msal, Set.of("https://graph.microsoft.com/ChannelMessage.Send"),
                admin.userPrincipalName());
        GraphServiceClient asAdmin = SimClients.graph(sim, signedIn::accessToken);
        if (!tenant.groups().get(team.id()).members().contains(admin.id())) {
            ODataError notMember = assertThrows(ODataError.class,
                    () -> asAdmin.teams().byTeamId(team.id()).channels().byChannelId(channelId).messages().post(MESSAGE.apply("hi")));
            assertEquals(403, notMember.getResponseStatusCode());
            teams.teams().byTeamId(team.id()).members().post(MEMBER.apply(admin.id(), List.of()));
        }
        ChatMessage posted = asAdmin.teams().byTeamId(team.id()).channels().byChannelId(channelId).messages().post(MESSAGE.apply("Hello team"));
        assertEquals("Hello team", posted.getBody().getContent());
        assertEquals(admin.id(), posted.getFrom().getUser().getId());
        assertEquals(team.id(), posted.getChannelIdentity().getTeamId());
        assertEquals(1, sim.counters().count("POST /v1.0/teams/{id}/channels/{channelId}/messages", 201));
        List<ChatMessage> listed = teams.teams().byTeamId(team.id()).channels().byChannelId(channelId).messages().get().getValue();
        assertTrue(listed.stream().anyMatch(m -> m.getId().equals(posted.getId())));

        // message import: app-only with Teamwork.Migrate.All
        ChatMessage imported = importer.teams().byTeamId(team.id()).channels().byChannelId(channelId).messages().post(MESSAGE.apply("From the old system"));
        assertEquals("From the old system", imported.getBody().getContent());
        ChatMessage empty = MESSAGE.apply("");
        assertEquals(400, assertThrows(ODataError.class,
                () -> asAdmin.teams().byTeamId(team.id()).channels().byChannelId(channelId).messages().post(empty)).getResponseStatusCode());
    }
}
