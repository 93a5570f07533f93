package io.m365platform.graphsim;

import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.delta.DeltaGetResponse;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** users/delta and groups/delta through the Graph SDK: rounds, mutations, deletions, $select memory, token expiry. */
class DeltaTest {
    static GraphSimulator sim;
    static GraphServiceClient graph;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Tenant newTenant(String name) {
        Tenant t = sim.tenants().generate(new GenerationSpec(5, 80, name));
        var app = t.apps().register(Registration.of("sync", Set.of("User.Read.All", "GroupMember.Read.All")));
        graph = SimClients.graph(sim, SimClients.msal(sim, t.id(), app.clientId(), app.secret()));
        return t;
    }

    /** One delta round: follows nextLinks until the deltaLink; returns users by id (last wins) and the deltaLink. */
    private record Round(Map<String, User> users, List<User> items, String deltaLink, int pages) {
    }

    private static Round round(String startLink, String... select) {
        DeltaGetResponse page = startLink == null
                ? graph.users().delta().get(rc -> {
                    rc.queryParameters.select = select.length == 0 ? null : select;
                    rc.headers.add("Prefer", "odata.maxpagesize=25");
                })
                : graph.users().delta().withUrl(startLink).get();
        Map<String, User> users = new HashMap<>();
        List<User> items = new ArrayList<>();
        int pages = 1;
        Set<String> links = new HashSet<>();
        while (true) {
            for (User u : page.getValue()) {
                users.put(u.getId(), u);
                items.add(u);
            }
            if (page.getOdataNextLink() == null) {
                return new Round(users, items, page.getOdataDeltaLink(), pages);
            }
            assertTrue(links.add(page.getOdataNextLink()), "nextLinks differ per page");
            page = graph.users().delta().withUrl(page.getOdataNextLink()).get();
            pages++;
        }
    }

    private static String removedReason(User u) {
        Object removed = u.getAdditionalData().get("@removed");
        if (removed == null) {
            return null;
        }
        var fields = ((com.microsoft.kiota.serialization.UntypedObject) removed).getValue();
        return ((com.microsoft.kiota.serialization.UntypedString) fields.get("reason")).getValue();
    }

    @Test
    void incrementalRoundsReportChangesDeletionsAndNothingElse() {
        Tenant t = newTenant("delta1");
        Round initial = round(null, "id", "displayName", "accountEnabled", "department");
        assertEquals(t.users().count(), initial.users().size());
        assertTrue(initial.pages() >= 4, "paged by maxpagesize");
        assertTrue(initial.deltaLink().startsWith(sim.graphBaseUrl() + "/users/delta()?$deltatoken="), initial.deltaLink());

        Round quiet = round(initial.deltaLink());
        assertTrue(quiet.items().isEmpty(), "no change, empty round");

        var users = t.users().list();
        var renamed = users.get(3);
        var disabled = users.get(4);
        var softDeleted = users.get(5);
        var hardDeleted = users.get(6);
        var jobChanged = users.get(7);
        t.users().rename(renamed.id(), "Renamed Person");
        t.users().setAccountEnabled(disabled.id(), !disabled.accountEnabled());
        t.users().delete(softDeleted.id(), false);
        t.users().delete(hardDeleted.id(), true);
        t.users().update(jobChanged.id(), b -> b.jobTitle("Chief Tester")); // jobTitle is not selected: must not surface
        var added = t.users().add(new io.m365platform.graphsim.model.User.Builder().displayName("New Hire")
                .userPrincipalName("new.hire@delta1.example.com").department("Sales").build());

        Round changes = round(quiet.deltaLink());
        assertEquals(Set.of(renamed.id(), disabled.id(), softDeleted.id(), hardDeleted.id(), added.id()), changes.users().keySet());
        assertEquals("Renamed Person", changes.users().get(renamed.id()).getDisplayName());
        assertEquals(!disabled.accountEnabled(), changes.users().get(disabled.id()).getAccountEnabled());
        assertEquals("changed", removedReason(changes.users().get(softDeleted.id())));
        assertEquals("deleted", removedReason(changes.users().get(hardDeleted.id())));
        assertNull(removedReason(changes.users().get(added.id())));
        assertEquals("Sales", changes.users().get(added.id()).getDepartment());
        assertNull(changes.users().get(renamed.id()).getJobTitle(), "$select of the first request is remembered");

        assertTrue(round(changes.deltaLink()).items().isEmpty());
    }

    @Test
    void latestTokenAndExpiredTokens() {
        Tenant t = newTenant("delta2");
        DeltaGetResponse latest = graph.users().delta().withUrl(sim.graphBaseUrl() + "/users/delta()?$deltatoken=latest").get();
        assertTrue(latest.getValue().isEmpty());
        assertNotNull(latest.getOdataDeltaLink());
        t.users().rename(t.users().list().get(1).id(), "After Latest");
        Round r = round(latest.getOdataDeltaLink());
        assertEquals(1, r.items().size());

        t.expireDeltaTokens("syncStateNotFound");
        ODataError gone = assertThrows(ODataError.class, () -> graph.users().delta().withUrl(r.deltaLink()).get());
        assertEquals(410, gone.getResponseStatusCode());
        assertEquals("syncStateNotFound", gone.getError().getCode());

        Round fresh = round(null);
        t.expireDeltaTokens("resyncRequired");
        ODataError resync = assertThrows(ODataError.class, () -> graph.users().delta().withUrl(fresh.deltaLink()).get());
        assertEquals("resyncRequired", resync.getError().getCode());

        ODataError garbage = assertThrows(ODataError.class, () -> graph.users().delta().withUrl(sim.graphBaseUrl() + "/users/delta()?$deltatoken=garbage").get());
        assertEquals(410, garbage.getResponseStatusCode());

        Round again = round(null);
        sim.clock().advance(java.time.Duration.ofDays(31));
        // msal4j's cached token is older than the simulator's clock now: a new client gets a fresh one
        var app = t.apps().register(Registration.of("after-clock", Set.of("User.Read.All")));
        graph = SimClients.graph(sim, SimClients.msal(sim, t.id(), app.clientId(), app.secret()));
        ODataError old = assertThrows(ODataError.class, () -> graph.users().delta().withUrl(again.deltaLink()).get());
        assertEquals("syncStateNotFound", old.getError().getCode());
    }

    @Test
    void groupsDeltaCarriesMembersDelta() {
        Tenant t = newTenant("delta3");
        var page = graph.groups().delta().get(rc -> rc.queryParameters.select = new String[]{"displayName", "members"});
        int groups = 0;
        while (true) {
            groups += page.getValue().size();
            for (Group g : page.getValue()) {
                assertNotNull(g.getAdditionalData().get("members@delta"), "initial round lists members");
            }
            if (page.getOdataNextLink() == null) {
                break;
            }
            page = graph.groups().delta().withUrl(page.getOdataNextLink()).get();
        }
        assertEquals(t.groups().list().size(), groups);
        var target = t.groups().list().stream().filter(g -> !g.isDynamic() && g.members().size() > 1
                && t.users().get(g.members().get(0)) != null).findFirst().orElseThrow();
        String removed = target.members().get(0);
        String added = t.users().list().stream().filter(u -> !target.members().contains(u.id())).findFirst().orElseThrow().id();
        t.groups().removeMember(target.id(), removed);
        t.groups().addMember(target.id(), added);

        var next = graph.groups().delta().withUrl(page.getOdataDeltaLink()).get();
        assertEquals(1, next.getValue().size());
        var membersDelta = (com.microsoft.kiota.serialization.UntypedArray) next.getValue().get(0).getAdditionalData().get("members@delta");
        Map<String, Boolean> removedById = new HashMap<>();
        for (var node : membersDelta.getValue()) {
            var fields = ((com.microsoft.kiota.serialization.UntypedObject) node).getValue();
            String id = ((com.microsoft.kiota.serialization.UntypedString) fields.get("id")).getValue();
            removedById.put(id, fields.containsKey("@removed"));
        }
        assertEquals(Map.of(removed, true, added, false), removedById);
    }

    @Test
    void largeMembershipIsSpreadOverSeveralItemsOfTheSameGroup() {
        Tenant t = sim.tenants().generate(new GenerationSpec(9, 1300, "delta4"));
        var app = t.apps().register(Registration.of("sync", Set.of("GroupMember.Read.All")));
        GraphServiceClient client = SimClients.graph(sim, SimClients.msal(sim, t.id(), app.clientId(), app.secret()));
        var all = t.groups().list().stream().filter(g -> g.displayName().equals("All Employees")).findFirst().orElseThrow();
        assertTrue(all.members().size() > 1000);
        var page = client.groups().delta().get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=2"));
        List<String> members = new ArrayList<>();
        int items = 0;
        while (true) {
            for (Group g : page.getValue()) {
                if (g.getId().equals(all.id())) {
                    items++;
                    var delta = (com.microsoft.kiota.serialization.UntypedArray) g.getAdditionalData().get("members@delta");
                    for (var node : delta.getValue()) {
                        var fields = ((com.microsoft.kiota.serialization.UntypedObject) node).getValue();
                        members.add(((com.microsoft.kiota.serialization.UntypedString) fields.get("id")).getValue());
                    }
                }
            }
            if (page.getOdataNextLink() == null) {
                break;
            }
            page = client.groups().delta().withUrl(page.getOdataNextLink()).get();
        }
        assertEquals((all.members().size() + 499) / 500, items);
        assertEquals(all.members(), members);
    }
}
