package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimClients;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON of the write actions and workload resources (messageRule, mailboxSettings, calendar, event,
 * calendarPermission, drive, driveItem, conversationMember, chatMessage, user after create/assignLicense) against
 * Graph's v1.0 metadata: property names on their types, nested types, enum values.
 */
class WriteResourcesCsdlTest {
    static GraphSimulator sim;
    static Tenant tenant;
    static String appToken;
    static String delegatedToken;
    static HttpClient http;
    static CsdlChecker checker;

    @BeforeAll
    static void start() throws Exception {
        checker = new CsdlChecker();
        sim = GraphSimulator.start();
        tenant = sim.tenants().generate(new GenerationSpec(71, 120, "csdlwrites"));
        var app = tenant.apps().register(Registration.of("checker", Set.of("MailboxSettings.ReadWrite", "Calendars.ReadWrite",
                "Files.ReadWrite.All", "TeamMember.ReadWrite.All", "User.ReadWrite.All", "ChannelMessage.Read.All", "Group.Read.All")));
        appToken = SimClients.appToken(SimClients.msal(sim, tenant.id(), app.clientId(), app.secret())).accessToken();
        var poster = tenant.apps().register(new Registration(null, "poster", Set.of(), Set.of("ChannelMessage.Send"), List.of(),
                List.of(java.time.Duration.ofDays(1)), List.of()));
        User admin = tenant.users().require(tenant.adminUserId());
        delegatedToken = sim.tokens().delegatedToken(tenant, tenant.apps().require(poster.clientId()), admin, Set.of("ChannelMessage.Send"),
                List.of(), tenant.now());
        http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static JsonNode call(String method, String path, String body, int expected, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.graphBaseUrl() + path)).header("Authorization", "Bearer " + token);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + " → " + r.body());
        return Json.MAPPER.readTree(r.body());
    }

    static JsonNode get(String path) throws Exception {
        return call("GET", path, null, 200, appToken);
    }

    @Test
    void everyWorkloadPropertyExistsInGraphV1Metadata() throws Exception {
        List<String> violations = new ArrayList<>();
        List<User> mailboxes = tenant.read(() -> tenant.userTable().liveValues().stream()
                .filter(u -> tenant.hasServicePlan(u, "EXCHANGE_S_") && tenant.hasServicePlan(u, "SHAREPOINTENTERPRISE")).toList());
        int rules = 0;
        int permissions = 0;
        for (User u : mailboxes.subList(0, 12)) {
            String base = "/users/" + u.id();
            checker.check("mailboxSettings", get(base + "/mailboxSettings"), "mailboxSettings", violations);
            JsonNode r = get(base + "/mailFolders/inbox/messageRules");
            rules += r.get("value").size();
            checker.check("messageRules", r, "messageRule", violations);
            checker.check("calendars", get(base + "/calendars"), "calendar", violations);
            checker.check("events", get(base + "/events"), "event", violations);
            JsonNode p = get(base + "/calendar/calendarPermissions");
            permissions += p.get("value").size();
            checker.check("calendarPermissions", p, "calendarPermission", violations);
            checker.check("drive", get(base + "/drive"), "drive", violations);
            checker.check("root", get(base + "/drive/root"), "driveItem", violations);
            checker.check("children", get(base + "/drive/root/children"), "driveItem", violations);
        }
        assertTrue(rules > 0 && permissions > 12, "generated rules and delegations were checked: " + rules + ", " + permissions);

        User u = mailboxes.get(0);
        checker.check("PATCH mailboxSettings", call("PATCH", "/users/" + u.id() + "/mailboxSettings",
                "{\"automaticRepliesSetting\":{\"status\":\"scheduled\",\"scheduledStartDateTime\":{\"dateTime\":\"2030-01-01T08:00:00\",\"timeZone\":\"UTC\"},"
                        + "\"scheduledEndDateTime\":{\"dateTime\":\"2030-01-05T08:00:00\",\"timeZone\":\"UTC\"}},\"workingHours\":{\"daysOfWeek\":[\"monday\"]}}",
                200, appToken), "mailboxSettings", violations);
        checker.check("POST messageRule", call("POST", "/users/" + u.id() + "/mailFolders/inbox/messageRules",
                "{\"displayName\":\"r\",\"sequence\":3,\"conditions\":{\"fromAddresses\":[{\"emailAddress\":{\"address\":\"a@b.example\"}}],"
                        + "\"importance\":\"high\",\"withinSizeRange\":{\"minimumSize\":1,\"maximumSize\":9}},"
                        + "\"actions\":{\"markImportance\":\"low\",\"assignCategories\":[\"x\"],\"copyToFolder\":\"AAMk\"}}",
                201, appToken), "messageRule", violations);
        checker.check("POST user", call("POST", "/users", "{\"accountEnabled\":true,\"displayName\":\"C\",\"mailNickname\":\"csdl.check\","
                + "\"userPrincipalName\":\"csdl.check@csdlwrites.example.com\",\"usageLocation\":\"US\","
                + "\"passwordProfile\":{\"password\":\"Aa1!aaaaaa\"}}", 201, appToken), "user", violations);
        checker.check("assignLicense", call("POST", "/users/csdl.check@csdlwrites.example.com/assignLicense",
                "{\"addLicenses\":[{\"skuId\":\"" + io.m365platform.graphsim.tenant.Catalog.FLOW_FREE + "\"}],\"removeLicenses\":[]}", 200, appToken),
                "user", violations);

        var team = tenant.groups().list().stream().filter(io.m365platform.graphsim.model.Group::isTeam).findFirst().orElseThrow();
        checker.check("POST team member", call("POST", "/teams/" + team.id() + "/members", "{\"@odata.type\":\"#microsoft.graph.aadUserConversationMember\","
                + "\"roles\":[],\"user@odata.bind\":\"https://graph.microsoft.com/v1.0/users('" + tenant.adminUserId() + "')\"}", 201, appToken),
                "conversationMember", violations);
        String channel = tenant.read(() -> tenant.team(team.id()).channels().get(0).id());
        checker.check("POST channel message", call("POST", "/teams/" + team.id() + "/channels/" + channel + "/messages",
                "{\"body\":{\"contentType\":\"html\",\"content\":\"<b>hi</b>\"}}", 201, delegatedToken), "chatMessage", violations);
        checker.check("channel messages", get("/teams/" + team.id() + "/channels/" + channel + "/messages"), "chatMessage", violations);

        assertTrue(violations.isEmpty(), String.join("\n", violations));
        for (String expected : List.of("messageRule.actions", "messageRuleActions.forwardTo", "messageRulePredicates.withinSizeRange",
                "mailboxSettings.automaticRepliesSetting", "automaticRepliesSetting.scheduledEndDateTime", "workingHours.timeZone",
                "calendar.owner", "event.attendees", "attendee.status", "event.organizer", "calendarPermission.allowedRoles",
                "drive.quota", "driveItem.parentReference", "driveItem.folder", "driveItem.file", "hashes.quickXorHash",
                "aadUserConversationMember.userId", "chatMessage.from", "chatMessage.channelIdentity", "user.userPrincipalName")) {
            assertTrue(checker.seen.contains(expected), "the check covered " + expected);
        }
    }
}
