package io.m365platform.graphsim.writes;

import com.microsoft.graph.models.AutomaticRepliesSetting;
import com.microsoft.graph.models.AutomaticRepliesStatus;
import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.models.CalendarPermission;
import com.microsoft.graph.models.CalendarRoleType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.ExternalAudienceScope;
import com.microsoft.graph.models.MailboxSettings;
import com.microsoft.graph.models.MessageRule;
import com.microsoft.graph.models.MessageRuleActions;
import com.microsoft.graph.models.MessageRulePredicates;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimClients;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exchange workloads through the Graph SDK v6: automatic replies, inbox rules, calendars, events and delegations. */
class MailboxAndCalendarWritesTest {
    static GraphSimulator sim;
    static Tenant tenant;
    static GraphServiceClient exchange;
    static GraphServiceClient readOnly;
    static GraphServiceClient directoryOnly;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        tenant = sim.tenants().generate(new GenerationSpec(51, 120, "mailboxes"));
        exchange = client("exchange admin", "MailboxSettings.ReadWrite", "Calendars.ReadWrite");
        readOnly = client("exchange reader", "MailboxSettings.Read", "Calendars.Read");
        directoryOnly = client("directory", "User.ReadWrite.All", "Directory.ReadWrite.All");
    }

    static GraphServiceClient client(String name, String... permissions) {
        RegisteredApp app = tenant.apps().register(Registration.of(name, Set.of(permissions)));
        return SimClients.graph(sim, SimClients.msal(sim, tenant.id(), app.clientId(), app.secret()));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static ODataError error(int status, String code, Executable call) {
        ODataError e = assertThrows(ODataError.class, call);
        assertEquals(status, e.getResponseStatusCode(), e.getError().getMessage());
        assertEquals(code, e.getError().getCode(), e.getError().getMessage());
        return e;
    }

    static List<User> mailboxUsers() {
        return tenant.read(() -> tenant.userTable().liveValues().stream().filter(u -> tenant.hasServicePlan(u, "EXCHANGE_S_")).toList());
    }

    static DateTimeTimeZone at(String dateTime, String zone) {
        DateTimeTimeZone d = new DateTimeTimeZone();
        d.setDateTime(dateTime);
        d.setTimeZone(zone);
        return d;
    }

    static MailboxSettings scheduledReplies(String start, String end, String zone) {
        AutomaticRepliesSetting a = new AutomaticRepliesSetting();
        a.setStatus(AutomaticRepliesStatus.Scheduled);
        a.setExternalAudience(ExternalAudienceScope.All);
        a.setInternalReplyMessage("<html><body>Away</body></html>");
        a.setExternalReplyMessage("<html><body>Away</body></html>");
        a.setScheduledStartDateTime(at(start, zone));
        a.setScheduledEndDateTime(at(end, zone));
        MailboxSettings s = new MailboxSettings();
        s.setAutomaticRepliesSetting(a);
        return s;
    }

    @Test
    void automaticRepliesArePatchedAndValidated() {
        User u = mailboxUsers().get(3);
        MailboxSettings before = exchange.users().byUserId(u.id()).mailboxSettings().get();
        assertNotNull(before.getTimeZone());
        assertNotNull(before.getWorkingHours());
        MailboxSettings patched = exchange.users().byUserId(u.id()).mailboxSettings()
                .patch(scheduledReplies("2030-03-20T18:00:00.0000000", "2030-03-28T08:00:00.0000000", "W. Europe Standard Time"));
        assertEquals(AutomaticRepliesStatus.Scheduled, patched.getAutomaticRepliesSetting().getStatus());
        assertEquals(1, sim.counters().count("PATCH /v1.0/users/{id}/mailboxSettings", 200));
        MailboxSettings after = readOnly.users().byUserId(u.userPrincipalName()).mailboxSettings().get();
        assertEquals(AutomaticRepliesStatus.Scheduled, after.getAutomaticRepliesSetting().getStatus());
        assertEquals("W. Europe Standard Time", after.getAutomaticRepliesSetting().getScheduledStartDateTime().getTimeZone());
        assertEquals(before.getTimeZone(), after.getTimeZone(), "other settings untouched");

        error(400, "ErrorInvalidTimeSettings", () -> exchange.users().byUserId(u.id()).mailboxSettings()
                .patch(scheduledReplies("2030-03-28T08:00:00", "2030-03-20T18:00:00", "UTC")));
        error(400, "InvalidTimeZone", () -> exchange.users().byUserId(u.id()).mailboxSettings()
                .patch(scheduledReplies("2030-03-20T18:00:00", "2030-03-28T08:00:00", "Mars Standard Time")));
        MailboxSettings unknown = new MailboxSettings();
        AutomaticRepliesSetting a = new AutomaticRepliesSetting();
        a.getAdditionalData().put("statusX", "on");
        unknown.setAutomaticRepliesSetting(a);
        error(400, "RequestBodyRead", () -> exchange.users().byUserId(u.id()).mailboxSettings().patch(unknown));
        AutomaticRepliesSetting off = new AutomaticRepliesSetting();
        off.setStatus(AutomaticRepliesStatus.Disabled);
        MailboxSettings disable = new MailboxSettings();
        disable.setAutomaticRepliesSetting(off);
        assertEquals(AutomaticRepliesStatus.Disabled, exchange.users().byUserId(u.id()).mailboxSettings().patch(disable).getAutomaticRepliesSetting().getStatus());

        error(403, "ErrorAccessDenied", () -> readOnly.users().byUserId(u.id()).mailboxSettings().patch(disable));
        error(403, "ErrorAccessDenied", () -> directoryOnly.users().byUserId(u.id()).mailboxSettings().get());
        User noMailbox = tenant.read(() -> tenant.userTable().liveValues().stream().filter(x -> !tenant.hasServicePlan(x, "EXCHANGE_S_")).findFirst().orElseThrow());
        error(404, "MailboxNotEnabledForRESTAPI", () -> exchange.users().byUserId(noMailbox.id()).mailboxSettings().get());
        error(404, "ErrorInvalidUser", () -> exchange.users().byUserId("ghost@mailboxes.example.com").mailboxSettings().get());
    }

    static Supplier<MessageRule> forwardingRule(String name, String address) {
        return () -> {
            MessageRule r = new MessageRule();
            r.setDisplayName(name);
            r.setSequence(2);
            r.setIsEnabled(true);
            MessageRulePredicates when = new MessageRulePredicates();
            when.setSenderContains(List.of("adele"));
            r.setConditions(when);
            MessageRuleActions then = new MessageRuleActions();
            Recipient to = new Recipient();
            EmailAddress e = new EmailAddress();
            e.setName("Alex");
            e.setAddress(address);
            to.setEmailAddress(e);
            then.setForwardTo(List.of(to));
            then.setStopProcessingRules(true);
            r.setActions(then);
            return r;
        };
    }

    @Test
    void inboxRulesAreCreatedListedAndDeleted() {
        User u = mailboxUsers().get(5);
        var rules = exchange.users().byUserId(u.id()).mailFolders().byMailFolderId("inbox").messageRules();
        int before = rules.get().getValue().size();
        MessageRule created = rules.post(forwardingRule("Forward from Adele", "alex@fabrikam.example").get());
        assertNotNull(created.getId());
        assertEquals(Boolean.FALSE, created.getHasError());
        assertEquals(Boolean.FALSE, created.getIsReadOnly());
        assertEquals("alex@fabrikam.example", created.getActions().getForwardTo().get(0).getEmailAddress().getAddress());
        assertEquals(1, sim.counters().count("POST /v1.0/users/{id}/mailFolders/{folder}/messageRules", 201));
        List<MessageRule> listed = readOnly.users().byUserId(u.id()).mailFolders().byMailFolderId("inbox").messageRules().get().getValue();
        assertEquals(before + 1, listed.size());
        assertEquals("Forward from Adele", rules.byMessageRuleId(created.getId()).get().getDisplayName());

        MessageRule noActions = new MessageRule();
        noActions.setDisplayName("does nothing");
        error(400, "ErrorInvalidRequest", () -> rules.post(noActions));
        error(400, "ErrorInvalidRecipients", () -> rules.post(forwardingRule("bad", "not-an-address").get()));
        error(403, "ErrorAccessDenied", () -> readOnly.users().byUserId(u.id()).mailFolders().byMailFolderId("inbox").messageRules()
                .post(forwardingRule("denied", "a@b.example").get()));

        rules.byMessageRuleId(created.getId()).delete();
        assertEquals(before, rules.get().getValue().size());
        error(404, "ErrorItemNotFound", () -> rules.byMessageRuleId(created.getId()).delete());
    }

    @Test
    void eventsAndCalendarsAreDeletedExceptTheDefaultCalendar() {
        User u = mailboxUsers().stream().filter(x -> exchange.users().byUserId(x.id()).calendars().get().getValue().size() > 1)
                .findFirst().orElseThrow(() -> new AssertionError("some mailbox has a second calendar"));
        var user = exchange.users().byUserId(u.id());
        List<Calendar> calendars = user.calendars().get().getValue();
        Calendar main = user.calendar().get();
        assertTrue(main.getIsDefaultCalendar());
        assertFalse(main.getIsRemovable());
        error(400, "ErrorDeleteDistinguishedFolder", () -> user.calendars().byCalendarId(main.getId()).delete());

        List<Event> events = user.events().get().getValue();
        assertFalse(events.isEmpty());
        Event first = events.get(0);
        assertNotNull(first.getStart().getDateTime());
        user.events().byEventId(first.getId()).delete();
        assertEquals(1, sim.counters().count("DELETE /v1.0/users/{id}/events/{eventId}", 204));
        assertEquals(events.size() - 1, user.calendar().events().get().getValue().size());
        error(404, "ErrorItemNotFound", () -> user.events().byEventId(first.getId()).delete());
        error(403, "ErrorAccessDenied", () -> readOnly.users().byUserId(u.id()).events().byEventId(events.get(1).getId()).delete());

        Calendar secondary = calendars.stream().filter(c -> !c.getIsDefaultCalendar()).findFirst().orElseThrow();
        List<Event> secondaryEvents = user.calendars().byCalendarId(secondary.getId()).events().get().getValue();
        user.calendars().byCalendarId(secondary.getId()).events().byEventId(secondaryEvents.get(0).getId()).delete();
        user.calendars().byCalendarId(secondary.getId()).delete();
        assertEquals(calendars.size() - 1, user.calendars().get().getValue().size());
        error(404, "ErrorItemNotFound", () -> user.calendars().byCalendarId(secondary.getId()).get());
    }

    @Test
    void calendarDelegationsAreListedAndRemovedButNotTheBuiltInEntry() {
        User u = mailboxUsers().stream().filter(x -> exchange.users().byUserId(x.id()).calendar().calendarPermissions().get().getValue().size() > 1)
                .findFirst().orElseThrow(() -> new AssertionError("some mailbox shares its calendar"));
        var permissions = exchange.users().byUserId(u.id()).calendar().calendarPermissions();
        List<CalendarPermission> all = permissions.get().getValue();
        CalendarPermission organization = all.stream().filter(p -> "My Organization".equals(p.getEmailAddress().getName())).findFirst().orElseThrow();
        assertFalse(organization.getIsRemovable());
        assertEquals(CalendarRoleType.FreeBusyRead, organization.getRole());
        CalendarPermission delegate = all.stream().filter(CalendarPermission::getIsRemovable).findFirst().orElseThrow();
        assertNotNull(delegate.getEmailAddress().getAddress());
        assertFalse(delegate.getAllowedRoles().isEmpty());

        error(400, "ErrorInvalidRequest", () -> permissions.byCalendarPermissionId(organization.getId()).delete());
        permissions.byCalendarPermissionId(delegate.getId()).delete();
        assertEquals(all.size() - 1, readOnly.users().byUserId(u.id()).calendar().calendarPermissions().get().getValue().size());
        error(404, "ErrorItemNotFound", () -> permissions.byCalendarPermissionId(delegate.getId()).delete());
        long delegates = mailboxUsers().stream().limit(40).filter(x -> readOnly.users().byUserId(x.id()).calendar().calendarPermissions().get().getValue()
                .stream().anyMatch(p -> p.getRole() == CalendarRoleType.DelegateWithPrivateEventAccess || p.getRole() == CalendarRoleType.DelegateWithoutPrivateEventAccess)).count();
        assertTrue(delegates > 0, "generated tenants have calendar delegates");
    }
}
