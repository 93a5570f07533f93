package io.m365platform.graphsim.writes;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.drives.item.items.item.copy.CopyPostRequestBody;
import com.microsoft.graph.models.AutomaticRepliesSetting;
import com.microsoft.graph.models.AutomaticRepliesStatus;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.ItemReference;
import com.microsoft.graph.models.MailboxSettings;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimClients;
import io.m365platform.graphsim.SimControl;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantFixture;
import io.m365platform.graphsim.usage.Persona;
import io.m365platform.graphsim.usage.UsageState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changed mailboxes, calendars, drives and usage survive an export to a fixture and a load into another simulator. */
class WorkloadFixtureRoundTripTest {
    static final Set<String> PERMISSIONS = Set.of("MailboxSettings.ReadWrite", "Calendars.ReadWrite", "Files.ReadWrite.All");

    static GraphServiceClient graph(GraphSimulator sim, Tenant t) {
        var app = t.apps().register(Registration.of("round trip " + System.nanoTime(), PERMISSIONS));
        return SimClients.graph(sim, SimClients.msal(sim, t.id(), app.clientId(), app.secret()));
    }

    @Test
    void exportedWorkloadStateLoadsBack() throws Exception {
        TenantFixture fixture;
        String userId;
        String eventId;
        String copiedName;
        java.time.LocalDate inactive;
        try (GraphSimulator sim = GraphSimulator.start()) {
            Tenant t = sim.tenants().generate(new GenerationSpec(81, 40, "roundtrip"));
            GraphServiceClient g = graph(sim, t);
            User u = t.read(() -> t.userTable().liveValues().stream().filter(x -> x.accountEnabled()
                    && t.hasServicePlan(x, "EXCHANGE_S_") && t.hasServicePlan(x, "SHAREPOINTENTERPRISE")).findFirst().orElseThrow());
            userId = u.id();
            AutomaticRepliesSetting a = new AutomaticRepliesSetting();
            a.setStatus(AutomaticRepliesStatus.AlwaysEnabled);
            a.setInternalReplyMessage("Gone fishing");
            MailboxSettings s = new MailboxSettings();
            s.setAutomaticRepliesSetting(a);
            g.users().byUserId(u.id()).mailboxSettings().patch(s);
            eventId = g.users().byUserId(u.id()).events().get().getValue().get(0).getId();
            g.users().byUserId(u.id()).events().byEventId(eventId).delete();
            String driveId = g.users().byUserId(u.id()).drive().get().getId();
            DriveItem first = g.drives().byDriveId(driveId).items().byDriveItemId("root").children().get().getValue().get(0);
            CopyPostRequestBody body = new CopyPostRequestBody();
            ItemReference parent = new ItemReference();
            parent.setDriveId(driveId);
            body.setParentReference(parent);
            copiedName = "Round trip " + first.getName();
            body.setName(copiedName);
            new SimControl(sim).put("/_sim/drive/copy-duration", "{\"millis\":0}");
            g.drives().byDriveId(driveId).items().byDriveItemId(first.getId()).copy().post(body);
            inactive = java.time.LocalDate.now().minusDays(3);
            UsageState.of(t).persona(t, u.id(), Persona.HEAVY);
            UsageState.of(t).inactiveSince(t, u.id(), inactive);
            // the copy completes on the next drive request of the tenant
            assertTrue(g.drives().byDriveId(driveId).items().byDriveItemId("root").children().get().getValue().stream()
                    .anyMatch(i -> copiedName.equals(i.getName())));
            SimControl.Response exported = new SimControl(sim).get("/_sim/tenants/" + t.id() + "/fixture");
            assertEquals(200, exported.status());
            fixture = Json.MAPPER.readValue(exported.body(), TenantFixture.class);
        }
        try (GraphSimulator sim = GraphSimulator.start()) {
            Tenant t = sim.tenants().load(fixture);
            GraphServiceClient g = graph(sim, t);
            MailboxSettings s = g.users().byUserId(userId).mailboxSettings().get();
            assertEquals(AutomaticRepliesStatus.AlwaysEnabled, s.getAutomaticRepliesSetting().getStatus());
            assertEquals("Gone fishing", s.getAutomaticRepliesSetting().getInternalReplyMessage());
            String deleted = eventId;
            assertTrue(g.users().byUserId(userId).events().get().getValue().stream().noneMatch(e -> e.getId().equals(deleted)));
            String driveId = g.users().byUserId(userId).drive().get().getId();
            List<DriveItem> root = g.drives().byDriveId(driveId).items().byDriveItemId("root").children().get().getValue();
            String name = copiedName;
            assertTrue(root.stream().anyMatch(i -> name.equals(i.getName())), "the copied file is in the loaded drive");
            var o = UsageState.of(t).override(t, userId);
            assertEquals(Persona.HEAVY, o.persona());
            assertEquals(inactive, o.inactiveSince());
            JsonNode usage = new SimControl(sim).get("/_sim/tenants/" + t.id() + "/usage/users/" + userId).json();
            assertEquals("heavy", usage.get("persona").asText());
        }
    }
}
