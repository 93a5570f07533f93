package io.m365platform.action.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.client.GraphSession;
import io.m365platform.action.store.GraphCall;
import io.m365platform.contracts.action.ActionOutcome;
import io.m365platform.contracts.action.ActionType;
import io.m365platform.contracts.action.parameters.ActionParameters;
import io.m365platform.contracts.action.parameters.AddTeamMemberParameters;
import io.m365platform.contracts.action.parameters.AssignLicenseParameters;
import io.m365platform.contracts.action.parameters.CreateUserParameters;
import io.m365platform.contracts.action.parameters.DeleteCalendarEventsParameters;
import io.m365platform.contracts.action.parameters.RemoveCalendarDelegationParameters;
import io.m365platform.contracts.action.parameters.RemoveLicenseParameters;
import io.m365platform.contracts.action.parameters.RemoveMailForwardingParameters;
import io.m365platform.contracts.action.parameters.RemoveTeamMemberParameters;
import io.m365platform.contracts.action.parameters.SetAutomaticRepliesParameters;
import io.m365platform.contracts.action.parameters.SetMailForwardingParameters;
import io.m365platform.contracts.action.parameters.TransferOneDriveParameters;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.request.GraphRequests;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Licences, teams, mailboxes, calendars, user creation and the OneDrive transfer against the Graph simulator: the
 * tenant afterwards, the "already so" outcome of a repeat, Graph's refusals where the seeds' pitfalls are.
 */
class WorkloadExecutorsTest {

    static GraphSimulator sim;
    static SimulatedTenant t;
    static GraphRequests writer;
    static GraphRequests auditor;
    static Executors executors;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        t = new SimulatedTenant(sim, 41, 90);
        writer = t.graph(Set.of("User.ReadWrite.All", "Group.ReadWrite.All", "TeamMember.ReadWrite.All",
                "MailboxSettings.ReadWrite", "Calendars.ReadWrite", "Files.ReadWrite.All", "Directory.Read.All"));
        auditor = t.graph(Set.of("MailboxSettings.Read", "Calendars.Read", "Files.Read.All", "User.Read.All"));
        executors = t.executors();
    }

    @AfterAll
    static void stop() {
        t.close();
        sim.close();
    }

    static Step run(ActionType type, ActionParameters parameters, JsonNode checkpoint) {
        return executors.forType(type).orElseThrow().run(new ActionInput(UUID.randomUUID().toString(), type,
                parameters, checkpoint), new GraphSession(writer, false));
    }

    static Step.Done done(ActionType type, ActionParameters parameters) {
        return assertInstanceOf(Step.Done.class, run(type, parameters, null));
    }

    static List<User> withPlan(String plan) {
        return t.plainMembers().stream().filter(u -> t.tenant.read(() -> t.tenant.hasServicePlan(u, plan))).toList();
    }

    @Test
    void licencesAreAssignedOnceAndRemovedAndGraphsRefusalsSurface() {
        User user = t.plainMembers().stream().filter(u -> u.usageLocation() != null && u.assignedLicenses().isEmpty())
                .findFirst().orElseThrow();
        var assign = new AssignLicenseParameters(user.id(), Catalog.FLOW_FREE, List.of());
        assertEquals(ActionOutcome.APPLIED, done(ActionType.ASSIGN_LICENSE, assign).outcome());
        assertTrue(t.user(user.id()).assignedLicenses().stream().anyMatch(l -> l.skuId().equals(Catalog.FLOW_FREE)));
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.ASSIGN_LICENSE, assign).outcome());
        assertEquals(ActionOutcome.APPLIED, done(ActionType.REMOVE_LICENSE,
                new RemoveLicenseParameters(user.id(), Catalog.FLOW_FREE)).outcome());
        assertTrue(t.user(user.id()).assignedLicenses().isEmpty());
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.REMOVE_LICENSE,
                new RemoveLicenseParameters(user.id(), Catalog.FLOW_FREE)).outcome());

        User noLocation = t.plainMembers().stream().filter(u -> u.usageLocation() == null).findFirst().orElseThrow();
        GraphRequestException refused = assertThrows(GraphRequestException.class, () -> done(ActionType.ASSIGN_LICENSE,
                new AssignLicenseParameters(noLocation.id(), Catalog.FLOW_FREE, List.of())));
        assertTrue(refused.graphMessage().contains("usage location"), refused.graphMessage());
        assertTrue(t.user(noLocation.id()).assignedLicenses().isEmpty());
    }

    @Test
    void teamMembersAreAddedOnceAndRemovedByMembership() {
        Group team = t.tenant.groups().list().stream().filter(Group::isTeam).findFirst().orElseThrow();
        User user = t.plainMembers().stream().filter(u -> !team.owners().contains(u.id())).findFirst().orElseThrow();
        t.tenant.groups().removeMember(team.id(), user.id());
        Step.Done added = done(ActionType.ADD_TEAM_MEMBER, new AddTeamMemberParameters(team.id(), user.id(), false));
        assertEquals(ActionOutcome.APPLIED, added.outcome());
        assertNotNull(added.details().get("membershipId"));
        assertTrue(t.group(team.id()).members().contains(user.id()));
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.ADD_TEAM_MEMBER,
                new AddTeamMemberParameters(team.id(), user.id(), false)).outcome());
        assertEquals(ActionOutcome.APPLIED, done(ActionType.REMOVE_TEAM_MEMBER,
                new RemoveTeamMemberParameters(team.id(), user.id())).outcome());
        assertFalse(t.group(team.id()).members().contains(user.id()));
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.REMOVE_TEAM_MEMBER,
                new RemoveTeamMemberParameters(team.id(), user.id())).outcome());
    }

    @Test
    void aForwardingRuleIsCreatedOnceAndRemoved() {
        User user = withPlan("EXCHANGE_S_").get(0);
        var forward = new SetMailForwardingParameters(user.id(), "archive@example.org", "Archive", false, null);
        Step.Done created = done(ActionType.SET_MAIL_FORWARDING, forward);
        assertEquals(ActionOutcome.APPLIED, created.outcome());
        JsonNode rule = rules(user).stream().filter(r -> r.path("id").asText().equals(created.resourceId()))
                .findFirst().orElseThrow();
        assertEquals("archive@example.org",
                rule.path("actions").path("forwardTo").get(0).path("emailAddress").path("address").asText());
        Step.Done again = done(ActionType.SET_MAIL_FORWARDING, forward);
        assertEquals(ActionOutcome.ALREADY_APPLIED, again.outcome(), "looked up by name: no second rule");
        assertEquals(created.resourceId(), again.resourceId());
        assertEquals(1, rules(user).stream().filter(r -> r.path("displayName").asText()
                .equals(MailForwardingExecutor.PREFIX + "archive@example.org")).count());

        assertEquals(ActionOutcome.APPLIED, done(ActionType.REMOVE_MAIL_FORWARDING,
                new RemoveMailForwardingParameters(user.id(), null)).outcome());
        assertTrue(rules(user).stream().noneMatch(r -> r.path("id").asText().equals(created.resourceId())));
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.REMOVE_MAIL_FORWARDING,
                new RemoveMailForwardingParameters(user.id(), null)).outcome());
    }

    static List<JsonNode> rules(User user) {
        JsonNode page = auditor.get("/users/" + user.id() + "/mailFolders/inbox/messageRules");
        return StreamSupport.stream(page.path("value").spliterator(), false).toList();
    }

    @Test
    void automaticRepliesAreSwitchedOn() {
        User user = withPlan("EXCHANGE_S_").get(1);
        var on = new SetAutomaticRepliesParameters(user.id(), SetAutomaticRepliesParameters.Status.ALWAYS_ENABLED,
                SetAutomaticRepliesParameters.Audience.ALL, "I have left the company.", "I have left.", null, null);
        assertEquals(ActionOutcome.APPLIED, done(ActionType.SET_AUTOMATIC_REPLIES, on).outcome());
        JsonNode setting = auditor.get("/users/" + user.id() + "/mailboxSettings/automaticRepliesSetting");
        assertEquals("alwaysEnabled", setting.path("status").asText());
        assertEquals("I have left the company.", setting.path("internalReplyMessage").asText());
        var off = new SetAutomaticRepliesParameters(user.id(), SetAutomaticRepliesParameters.Status.DISABLED, null,
                null, null, null, null);
        assertEquals(ActionOutcome.APPLIED, done(ActionType.SET_AUTOMATIC_REPLIES, off).outcome());
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.SET_AUTOMATIC_REPLIES, off).outcome());
    }

    @Test
    void eventsTheUserOrganisesAreDeletedAndDelegationsRemoved() {
        User user = withPlan("EXCHANGE_S_").get(2);
        Instant from = Instant.parse("2000-01-01T00:00:00Z");
        long organised = StreamSupport.stream(auditor.get("/users/" + user.id() + "/events?$top=999").path("value")
                .spliterator(), false).filter(e -> e.path("isOrganizer").asBoolean()).count();
        Step.Done deleted = done(ActionType.DELETE_CALENDAR_EVENTS,
                new DeleteCalendarEventsParameters(user.id(), from, null, true, null));
        assertEquals(Long.toString(organised), deleted.details().get("deletedEvents"));
        assertTrue(StreamSupport.stream(auditor.get("/users/" + user.id() + "/events?$top=999").path("value")
                .spliterator(), false).noneMatch(e -> e.path("isOrganizer").asBoolean()), "organised events gone");
        assertEquals(ActionOutcome.ALREADY_APPLIED, done(ActionType.DELETE_CALENDAR_EVENTS,
                new DeleteCalendarEventsParameters(user.id(), from, null, true, null)).outcome());

        done(ActionType.REMOVE_CALENDAR_DELEGATION, new RemoveCalendarDelegationParameters(user.id(), null));
        JsonNode left = auditor.get("/users/" + user.id() + "/calendar/calendarPermissions");
        assertTrue(StreamSupport.stream(left.path("value").spliterator(), false)
                .allMatch(p -> !p.path("isRemovable").asBoolean()), "only non-removable entries stay: " + left);
        assertTrue(left.path("value").size() >= 1, "My Organization stays");
    }

    @Test
    void aUserIsCreatedOnceByUpn() {
        String domain = t.tenant.read(() -> t.tenant.organization().defaultDomain());
        String upn = "new.hire." + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
        var create = new CreateUserParameters(upn, "New Hire", "newhire", "New", "Hire", "Engineer", "R&D", null,
                "US", true, null, true);
        Step.Done created = done(ActionType.CREATE_USER, create);
        assertEquals(ActionOutcome.APPLIED, created.outcome());
        User user = t.user(created.resourceId());
        assertEquals(upn, user.userPrincipalName());
        assertEquals("Engineer", user.jobTitle());
        Step.Done again = done(ActionType.CREATE_USER, create);
        assertEquals(ActionOutcome.ALREADY_APPLIED, again.outcome());
        assertEquals(created.resourceId(), again.resourceId());
        assertEquals(1, t.tenant.users().list().stream().filter(u -> u.userPrincipalName().equals(upn)).count());
    }

    @Test
    void oneDriveFilesAreCopiedToTheManagerInSteps() {
        List<User> drives = withPlan("SHAREPOINT");
        User leaver = drives.get(0);
        User manager = drives.get(1);
        var transfer = new TransferOneDriveParameters(leaver.id(), manager.id(), "From the leaver");
        Step first = run(ActionType.TRANSFER_ONEDRIVE_TO_MANAGER, transfer, null);
        int items = auditor.get("/users/" + leaver.id() + "/drive/root/children").path("value").size();
        Step.Continue pending = assertInstanceOf(Step.Continue.class, first, "a copy takes time");
        assertEquals(items, pending.checkpoint().path("copies").size());
        assertTrue(pending.checkpoint().path("copies").get(0).path("monitor").asText().startsWith("https://"));

        sim.clock().advance(java.time.Duration.ofSeconds(5));
        Step.Done done = assertInstanceOf(Step.Done.class,
                run(ActionType.TRANSFER_ONEDRIVE_TO_MANAGER, transfer, pending.checkpoint()));
        assertEquals(Integer.toString(items), done.details().get("itemsCopied"));
        JsonNode copied = auditor.get("/users/" + manager.id() + "/drive/items/" + done.resourceId() + "/children");
        assertEquals(items, copied.path("value").size(), "every top-level item is in the manager's folder");

        // A second request (or an attempt after a crash) reuses the folder and replaces instead of duplicating.
        Step.Continue again = assertInstanceOf(Step.Continue.class,
                run(ActionType.TRANSFER_ONEDRIVE_TO_MANAGER, transfer, null));
        assertEquals(done.resourceId(), again.checkpoint().path("folderId").asText());
        sim.clock().advance(java.time.Duration.ofSeconds(5));
        run(ActionType.TRANSFER_ONEDRIVE_TO_MANAGER, transfer, again.checkpoint());
        assertEquals(items, auditor.get("/users/" + manager.id() + "/drive/items/" + done.resourceId() + "/children")
                .path("value").size());
    }

    @Test
    void withoutAManagerTheTransferFailsWithTheFix() {
        User leaver = withPlan("SHAREPOINT").stream().filter(u -> u.managerId() == null).findFirst().orElse(null);
        if (leaver == null) {
            leaver = withPlan("SHAREPOINT").get(3);
            t.tenant.users().setManager(leaver.id(), null);
        }
        String id = leaver.id();
        ActionFailure failure = assertThrows(ActionFailure.class, () -> run(ActionType.TRANSFER_ONEDRIVE_TO_MANAGER,
                new TransferOneDriveParameters(id, null, null), null));
        assertEquals("no-manager", failure.failure().code());
    }

    @Test
    void aDryRunOfTheTransferStartsNoCopy() {
        List<User> drives = withPlan("SHAREPOINT");
        GraphSession dry = new GraphSession(writer, true);
        Step step = executors.forType(ActionType.TRANSFER_ONEDRIVE_TO_MANAGER).orElseThrow().run(new ActionInput("x",
                ActionType.TRANSFER_ONEDRIVE_TO_MANAGER, new TransferOneDriveParameters(drives.get(4).id(),
                drives.get(5).id(), "Dry run folder"), null), dry);
        assertInstanceOf(Step.Done.class, step);
        assertTrue(dry.calls().stream().filter(c -> c.method().equals("POST")).allMatch(GraphCall::dryRun));
        assertTrue(StreamSupport.stream(auditor.get("/users/" + drives.get(5).id() + "/drive/root/children")
                .path("value").spliterator(), false).noneMatch(i -> i.path("name").asText().equals("Dry run folder")));
    }
}
