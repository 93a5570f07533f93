package io.m365platform.graphsim.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.AdminReportSettings;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.http.middleware.options.HeadersInspectionOption;
import com.microsoft.kiota.http.middleware.options.RedirectHandlerOption;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.m365platform.graphsim.CsvTable;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimClients;
import io.m365platform.graphsim.SimControl;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.Catalog;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The usage reports through the Graph SDK v6 (its redirect handler follows the 302 to the pre-authenticated
 * download), compared with the tenant's licences and the usage ground truth of the control API.
 */
class ReportsTest {
    // Headers exactly as GRAPH_FACTS §5.3 lists them (deliberately not taken from the main code).
    static final List<String> ACTIVE_USER = List.of("Report Refresh Date", "User Principal Name", "Display Name", "Is Deleted",
            "Deleted Date", "Has Exchange License", "Has OneDrive License", "Has SharePoint License", "Has Skype For Business License",
            "Has Yammer License", "Has Teams License", "Exchange Last Activity Date", "OneDrive Last Activity Date",
            "SharePoint Last Activity Date", "Skype For Business Last Activity Date", "Yammer Last Activity Date",
            "Teams Last Activity Date", "Exchange License Assign Date", "OneDrive License Assign Date", "SharePoint License Assign Date",
            "Skype For Business License Assign Date", "Yammer License Assign Date", "Teams License Assign Date", "Assigned Products");
    static final List<String> M365_APP = List.of("Report Refresh Date", "User Principal Name", "Last Activation Date",
            "Last Activity Date", "Report Period", "Windows", "Mac", "Mobile", "Web", "Outlook", "Word", "Excel", "PowerPoint",
            "OneNote", "Teams", "Outlook (Windows)", "Word (Windows)", "Excel (Windows)", "PowerPoint (Windows)", "OneNote (Windows)",
            "Teams (Windows)", "Outlook (Mac)", "Word (Mac)", "Excel (Mac)", "PowerPoint (Mac)", "OneNote (Mac)", "Teams (Mac)",
            "Outlook (Mobile)", "Word (Mobile)", "Excel (Mobile)", "PowerPoint (Mobile)", "OneNote (Mobile)", "Teams (Mobile)",
            "Outlook (Web)", "Word (Web)", "Excel (Web)", "PowerPoint (Web)", "OneNote (Web)", "Teams (Web)");
    static final List<String> TEAMS = List.of("Report Refresh Date", "Tenant Display Name", "Shared Channel Tenant Display Names",
            "User Id", "User Principal Name", "Last Activity Date", "Is Deleted", "Deleted Date", "Assigned Products",
            "Team Chat Message Count", "Private Chat Message Count", "Call Count", "Meeting Count", "Post Messages", "Reply Messages",
            "Urgent Messages", "Meetings Organized Count", "Meetings Attended Count", "Ad Hoc Meetings Organized Count",
            "Ad Hoc Meetings Attended Count", "Scheduled One-time Meetings Organized Count", "Scheduled One-time Meetings Attended Count",
            "Scheduled Recurring Meetings Organized Count", "Scheduled Recurring Meetings Attended Count", "Audio Duration",
            "Video Duration", "Screen Share Duration", "Audio Duration In Seconds", "Video Duration In Seconds",
            "Screen Share Duration In Seconds", "Has Other Action", "Is Licensed", "Report Period");
    static final List<String> EMAIL = List.of("Report Refresh Date", "User Principal Name", "Display Name", "Is Deleted",
            "Deleted Date", "Last Activity Date", "Send Count", "Receive Count", "Read Count", "Meeting Created Count",
            "Meeting Interacted Count", "Assigned Products", "Report Period");
    static final List<String> ONEDRIVE = List.of("Report Refresh Date", "User Principal Name", "Is Deleted", "Deleted Date",
            "Last Activity Date", "Viewed Or Edited File Count", "Synced File Count", "Shared Internally File Count",
            "Shared Externally File Count", "Assigned Products", "Report Period");
    static final List<String> ACTIVATIONS = List.of("Report Refresh Date", "User Principal Name", "Display Name", "Product Type",
            "Last Activated Date", "Windows", "Mac", "Windows 10 Mobile", "iOS", "Android", "Activated On Shared Computer");

    static GraphSimulator sim;
    static Tenant tenant;
    static RegisteredApp app;
    static GraphServiceClient graph;
    static SimControl control;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        tenant = sim.tenants().generate(new GenerationSpec(21, 160, "usage"));
        app = tenant.apps().register(Registration.of("reports reader", Set.of("Reports.Read.All", "ReportSettings.ReadWrite.All")));
        graph = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), app.clientId(), app.secret()));
        control = new SimControl(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void resetThrottle() {
        ReportsModule.of(sim).throttle().clear();
        ReportsModule.of(sim).throttle().limit(tenant.id(), null);
    }

    static CsvTable csv(InputStream in) throws Exception {
        assertNotNull(in, "the SDK returned no body (redirect not followed?)");
        try (in) {
            return CsvTable.parse(in.readAllBytes());
        }
    }

    static void concealNames(boolean conceal) {
        AdminReportSettings s = new AdminReportSettings();
        s.setDisplayConcealedNames(conceal);
        graph.admin().reportSettings().patch(s);
    }

    static LocalDate refreshDate() {
        return LocalDate.ofInstant(tenant.now(), ZoneOffset.UTC).minusDays(2);
    }

    /** Live users whose licences contain a service plan (ground truth from the tenant, not from the usage code). */
    static Set<String> upnsWithPlan(String planPrefix) {
        return tenant.read(() -> tenant.userTable().liveValues().stream().filter(u -> tenant.hasServicePlan(u, planPrefix))
                .map(User::userPrincipalName).collect(Collectors.toSet()));
    }

    static JsonNode groundTruth(String userId, LocalDate from, LocalDate to) {
        SimControl.Response r = control.get("/_sim/tenants/" + tenant.id() + "/usage/users/" + userId + "?from=" + from + "&to=" + to);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    /** Ground truth through the Java control API: the user's activity day by day. */
    static List<io.m365platform.graphsim.usage.DayActivity> days(String userId, LocalDate from, LocalDate to) {
        io.m365platform.graphsim.usage.UsageView v = io.m365platform.graphsim.usage.UsageState.of(tenant).view(tenant, userId);
        List<io.m365platform.graphsim.usage.DayActivity> result = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            result.add(v.day(d));
        }
        return result;
    }

    static long sum(JsonNode truth, String part, String field) {
        long total = 0;
        for (JsonNode d : truth.get("days")) {
            total += d.path(part).path(field).asLong(0);
        }
        return total;
    }

    @Test
    void everyReportFollowsTheRedirectToACsvWithBomAndGraphsExactHeader() throws Exception {
        Map<List<String>, Supplier<InputStream>> calls = Map.of(
                ACTIVE_USER, () -> graph.reports().getOffice365ActiveUserDetailWithPeriod("D7").get(),
                M365_APP, () -> graph.reports().getM365AppUserDetailWithPeriod("D30").get(),
                TEAMS, () -> graph.reports().getTeamsUserActivityUserDetailWithPeriod("D90").get(),
                EMAIL, () -> graph.reports().getEmailActivityUserDetailWithPeriod("D180").get(),
                ONEDRIVE, () -> graph.reports().getOneDriveActivityUserDetailWithPeriod("D7").get(),
                ACTIVATIONS, () -> graph.reports().getOffice365ActivationsUserDetail().get());
        for (Map.Entry<List<String>, Supplier<InputStream>> e : calls.entrySet()) {
            CsvTable t = csv(e.getValue().get());
            assertTrue(t.bom, "UTF-8 BOM expected");
            assertEquals(e.getKey(), t.header);
            assertFalse(t.rows.isEmpty(), t.toString());
            for (Map<String, String> row : t.rows) {
                assertEquals(refreshDate().toString(), row.get("Report Refresh Date"));
            }
        }
        // the report call answered 302, the download (no bearer needed) 200
        assertTrue(sim.counters().count("GET /v1.0/reports/getEmailActivityUserDetail({args})", 302) >= 1);
        assertTrue(sim.counters().count("GET /_download/reports/{token}", 200) >= 6);
        assertTrue(sim.counters().count("GET /v1.0/reports/getOffice365ActivationsUserDetail()", 302) >= 1);
    }

    @Test
    void periodReportsListTheLicensedUsersWithTheGroundTruthTotals() throws Exception {
        concealNames(false);
        CsvTable email = csv(graph.reports().getEmailActivityUserDetailWithPeriod("D30").get());
        Set<String> exchangeUsers = upnsWithPlan("EXCHANGE_S_");
        assertEquals(exchangeUsers, new HashSet<>(email.column("User Principal Name")));
        assertTrue(email.rows.stream().allMatch(r -> r.get("Report Period").equals("30") && r.get("Is Deleted").equals("False")));
        LocalDate to = refreshDate();
        LocalDate from = to.minusDays(29);
        int withActivity = 0;
        int sampled = 0;
        for (User u : tenant.users().list()) {
            if (!exchangeUsers.contains(u.userPrincipalName())) {
                continue;
            }
            Map<String, String> row = email.rowWhere("User Principal Name", u.userPrincipalName());
            long read = days(u.id(), from, to).stream().filter(d -> d.email() != null).mapToLong(d -> d.email().read()).sum();
            long send = days(u.id(), from, to).stream().filter(d -> d.email() != null).mapToLong(d -> d.email().send()).sum();
            assertEquals(String.valueOf(send), row.get("Send Count"), u.id());
            assertEquals(String.valueOf(read), row.get("Read Count"), u.id());
            if (sampled++ % 5 == 0) {
                // and through the REST control API
                JsonNode truth = groundTruth(u.id(), from, to);
                assertEquals(String.valueOf(sum(truth, "email", "send")), row.get("Send Count"), u.id());
                assertEquals(String.valueOf(sum(truth, "email", "meetingInteracted")), row.get("Meeting Interacted Count"), u.id());
            }
            if (!u.accountEnabled()) {
                assertEquals("", row.get("Last Activity Date"), "a disabled account has no activity: " + u.id());
                assertEquals("0", row.get("Send Count"));
            }
            if (read > 0) {
                withActivity++;
                LocalDate last = LocalDate.parse(row.get("Last Activity Date"));
                assertFalse(last.isBefore(from) || last.isAfter(to), "last activity within the window when active in it");
            }
            assertEquals(u.displayName(), row.get("Display Name"));
        }
        assertTrue(withActivity > email.rows.size() / 2, "most mailbox users are active in 30 days: " + withActivity);

        CsvTable teams = csv(graph.reports().getTeamsUserActivityUserDetailWithPeriod("D30").get());
        assertEquals(upnsWithPlan("TEAMS1"), new HashSet<>(teams.column("User Principal Name")));
        for (Map<String, String> r : teams.rows) {
            long organized = Long.parseLong(r.get("Meetings Organized Count"));
            long attended = Long.parseLong(r.get("Meetings Attended Count"));
            assertEquals(organized + attended, Long.parseLong(r.get("Meeting Count")));
            assertTrue(Long.parseLong(r.get("Ad Hoc Meetings Organized Count")) + Long.parseLong(r.get("Scheduled One-time Meetings Organized Count"))
                    + Long.parseLong(r.get("Scheduled Recurring Meetings Organized Count")) <= organized);
            assertEquals(java.time.Duration.ofSeconds(Long.parseLong(r.get("Audio Duration In Seconds"))).toString(), r.get("Audio Duration"));
            assertEquals("Usage", r.get("Tenant Display Name"));
            assertEquals("Yes", r.get("Is Licensed"));
            assertTrue(Set.of("Yes", "No").contains(r.get("Has Other Action")));
            User u = tenant.users().require(r.get("User Id"));
            assertEquals(u.userPrincipalName(), r.get("User Principal Name"));
            long privateChat = days(u.id(), from, to).stream().filter(d -> d.teams() != null).mapToLong(d -> d.teams().privateChatMessages()).sum();
            assertEquals(String.valueOf(privateChat), r.get("Private Chat Message Count"));
        }

        CsvTable oneDrive = csv(graph.reports().getOneDriveActivityUserDetailWithPeriod("D30").get());
        assertEquals(upnsWithPlan("SHAREPOINTENTERPRISE"), new HashSet<>(oneDrive.column("User Principal Name")));

        CsvTable active = csv(graph.reports().getOffice365ActiveUserDetailWithPeriod("D30").get());
        Set<String> licensed = tenant.read(() -> tenant.userTable().liveValues().stream()
                .filter(u -> !tenant.effectiveLicenses(u).isEmpty()).map(User::userPrincipalName).collect(Collectors.toSet()));
        assertEquals(licensed, new HashSet<>(active.column("User Principal Name")));
        for (Map<String, String> r : active.rows) {
            User u = tenant.users().require(r.get("User Principal Name"));
            boolean exchange = exchangeUsers.contains(u.userPrincipalName());
            assertEquals(exchange ? "True" : "False", r.get("Has Exchange License"));
            assertEquals(exchange ? u.createdDateTime().toString().substring(0, 10) : "", r.get("Exchange License Assign Date"));
            if (!exchange) {
                assertEquals("", r.get("Exchange Last Activity Date"));
            }
            String products = tenant.read(() -> tenant.effectiveLicenses(u).stream()
                    .map(l -> tenant.skuMap().get(l.skuId()).productName()).sorted().collect(Collectors.joining("+")));
            assertEquals(products, r.get("Assigned Products"));
        }
    }

    @Test
    void appUsageIsConsistentWithLicencesAndAccountState() throws Exception {
        concealNames(false);
        CsvTable apps = csv(graph.reports().getM365AppUserDetailWithPeriod("D90").get());
        Set<String> officeApps = upnsWithPlan("OFFICESUBSCRIPTION");
        Set<String> teams = upnsWithPlan("TEAMS1");
        int desktopUsers = 0;
        for (Map<String, String> r : apps.rows) {
            User u = tenant.users().require(r.get("User Principal Name"));
            if (!u.accountEnabled()) {
                assertEquals("", r.get("Last Activity Date"));
                assertTrue(M365_APP.subList(5, M365_APP.size()).stream().allMatch(c -> r.get(c).equals("No")), "disabled: " + r);
            }
            if (!officeApps.contains(u.userPrincipalName())) {
                for (String app : List.of("Word", "Excel", "PowerPoint", "OneNote", "Outlook")) {
                    assertEquals("No", r.get(app + " (Windows)"), u.id());
                    assertEquals("No", r.get(app + " (Mac)"), u.id());
                }
                assertEquals("", r.get("Last Activation Date"));
            }
            if (!teams.contains(u.userPrincipalName())) {
                assertEquals("No", r.get("Teams"));
            }
            boolean anyWindows = M365_APP.stream().filter(c -> c.endsWith("(Windows)")).anyMatch(c -> r.get(c).equals("Yes"));
            assertEquals(anyWindows ? "Yes" : "No", r.get("Windows"));
            desktopUsers += anyWindows ? 1 : 0;
        }
        assertTrue(desktopUsers > 10, "desktop usage exists: " + desktopUsers);
        // every listed activation belongs to a user licensed for Microsoft 365 Apps
        CsvTable activations = csv(graph.reports().getOffice365ActivationsUserDetail().get());
        assertEquals(officeApps.stream().filter(upn -> tenant.users().require(upn).accountEnabled()).collect(Collectors.toSet()),
                new HashSet<>(activations.column("User Principal Name")));
        assertTrue(activations.rows.stream().allMatch(r -> r.get("Product Type").equals("MICROSOFT 365 APPS FOR ENTERPRISE")
                && Set.of("True", "False").contains(r.get("Activated On Shared Computer"))));
    }

    @Test
    void dateFormListsTheUsersActiveThatDayAndBadArgumentsAre400() throws Exception {
        concealNames(false);
        LocalDate day = refreshDate().minusDays(3);
        CsvTable email = csv(graph.reports().getEmailActivityUserDetailWithDate(day).get());
        assertEquals(EMAIL, email.header);
        Set<String> expected = new HashSet<>();
        for (User u : tenant.users().list()) {
            if (days(u.id(), day, day).get(0).email() != null) {
                expected.add(u.userPrincipalName());
            }
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, new HashSet<>(email.column("User Principal Name")));
        assertTrue(email.rows.stream().allMatch(r -> r.get("Report Period").equals("1") && r.get("Report Refresh Date").equals(day.toString())));
        // a day after the refresh date has no data yet: header only
        CsvTable today = csv(graph.reports().getOneDriveActivityUserDetailWithDate(LocalDate.ofInstant(tenant.now(), ZoneOffset.UTC)).get());
        assertEquals(ONEDRIVE, today.header);
        assertTrue(today.rows.isEmpty());

        // quotes raw or percent-encoded
        String base = sim.graphBaseUrl() + "/reports/";
        assertFalse(csv(graph.reports().getEmailActivityUserDetailWithPeriod("D7").withUrl(base + "getEmailActivityUserDetail(period=%27D7%27)").get()).rows.isEmpty());
        assertFalse(csv(graph.reports().getEmailActivityUserDetailWithPeriod("D7").withUrl(base + "getEmailActivityUserDetail(date='" + day + "')").get()).rows.isEmpty());
        assertFalse(csv(graph.reports().getOffice365ActivationsUserDetail().withUrl(base + "getOffice365ActivationsUserDetail").get()).rows.isEmpty());

        for (String bad : List.of("getEmailActivityUserDetail(period='D28')", "getEmailActivityUserDetail(period=D7)",
                "getOffice365ActiveUserDetail(period='D7',date=" + day + ")", "getTeamsUserActivityUserDetail()",
                "getOneDriveActivityUserDetail(date=" + LocalDate.ofInstant(tenant.now(), ZoneOffset.UTC).minusDays(31) + ")",
                "getM365AppUserDetail(date=2024-13-45)", "getM365AppUserDetail(period='D7')?$format=application/xml",
                "getEmailActivityUserDetail(period='D7')?$format=application/json")) {
            ODataError e = assertThrows(ODataError.class,
                    () -> graph.reports().getEmailActivityUserDetailWithPeriod("D7").withUrl(base + bad).get(), bad);
            assertEquals(400, e.getResponseStatusCode(), bad);
            assertNotNull(e.getError().getMessage());
            assertNotNull(e.getError().getInnerError().getRequestId());
        }
        ODataError d28 = assertThrows(ODataError.class, () -> graph.reports().getOffice365ActiveUserDetailWithPeriod("D28").get());
        assertTrue(d28.getError().getMessage().contains("D7, D30, D90 and D180"), d28.getError().getMessage());
    }

    @Test
    void dateFormServesTheLast28DaysAndALaggingTenantHasNoDataYet() throws Exception {
        concealNames(false);
        LocalDate today = LocalDate.ofInstant(tenant.now(), ZoneOffset.UTC);
        // GRAPH_FACTS §10.1: older than 28 days is refused with InvalidArgument; the 28th day back is still served
        ODataError old = assertThrows(ODataError.class,
                () -> graph.reports().getM365AppUserDetailWithDate(today.minusDays(29)).get());
        assertEquals(400, old.getResponseStatusCode());
        assertEquals("InvalidArgument", old.getError().getCode());
        assertEquals("Only support data for the past 28 days.", old.getError().getMessage());
        csv(graph.reports().getM365AppUserDetailWithDate(today.minusDays(28)).get());

        // a tenant whose reports lag a day more: the latest weekday with data has no rows yet, then has them again
        LocalDate weekday = today.minusDays(2);
        while (weekday.getDayOfWeek().getValue() > 5) {
            weekday = weekday.minusDays(1);
        }
        LocalDate day = weekday;
        ReportsModule reports = ReportsModule.of(sim);
        reports.latency(tenant.id(), (int) (today.toEpochDay() - day.toEpochDay()) + 1);
        try {
            assertTrue(csv(graph.reports().getM365AppUserDetailWithDate(day).get()).rows.isEmpty());
        } finally {
            reports.latency(tenant.id(), null);
        }
        assertFalse(csv(graph.reports().getM365AppUserDetailWithDate(day).get()).rows.isEmpty());
    }

    @Test
    void concealedNamesAreStable32HexHashesAcrossReports() throws Exception {
        concealNames(true);
        CsvTable email = csv(graph.reports().getEmailActivityUserDetailWithPeriod("D7").get());
        CsvTable oneDrive = csv(graph.reports().getOneDriveActivityUserDetailWithPeriod("D7").get());
        CsvTable teams = csv(graph.reports().getTeamsUserActivityUserDetailWithPeriod("D7").get());
        Set<String> realNames = tenant.users().list().stream().map(User::userPrincipalName).collect(Collectors.toSet());
        for (Map<String, String> r : email.rows) {
            assertTrue(r.get("User Principal Name").matches("[0-9A-F]{32}"), r.get("User Principal Name"));
            assertEquals(r.get("User Principal Name"), r.get("Display Name"));
            assertFalse(realNames.contains(r.get("User Principal Name")));
        }
        for (Map<String, String> r : teams.rows) {
            assertEquals(r.get("User Principal Name"), r.get("User Id"), "Teams' User Id is concealed too");
        }
        // the same user has the same hash in every report: users with both Exchange and SharePoint match one to one
        Set<String> both = new HashSet<>(upnsWithPlan("EXCHANGE_S_"));
        both.retainAll(upnsWithPlan("SHAREPOINTENTERPRISE"));
        Set<String> common = new HashSet<>(email.column("User Principal Name"));
        common.retainAll(oneDrive.column("User Principal Name"));
        assertEquals(both.size(), common.size());
        // and again on the next request
        assertEquals(email.column("User Principal Name"), csv(graph.reports().getEmailActivityUserDetailWithPeriod("D7").get()).column("User Principal Name"));
        JsonNode json = json(sim.graphBaseUrl() + "/reports/getM365AppUserDetail(period='D7')?$format=application/json");
        assertTrue(json.get("value").get(0).get("userPrincipalName").asText().matches("[0-9A-F]{32}"));

        concealNames(false);
        CsvTable named = csv(graph.reports().getEmailActivityUserDetailWithPeriod("D7").get());
        assertEquals(upnsWithPlan("EXCHANGE_S_"), new HashSet<>(named.column("User Principal Name")));
    }

    static JsonNode json(String url) throws Exception {
        try (InputStream in = graph.reports().getM365AppUserDetailWithPeriod("D7").withUrl(url).get()) {
            return Json.MAPPER.readTree(in);
        }
    }

    @Test
    void jsonFormOfAppUsageIsPagedWithNextLinksAndMatchesTheCsv() throws Exception {
        concealNames(false);
        CsvTable csv = csv(graph.reports().getM365AppUserDetailWithPeriod("D30").get());
        JsonNode single = json(sim.graphBaseUrl() + "/reports/getM365AppUserDetail(period='D30')?$format=application/json");
        assertNull(single.get("@odata.nextLink"), "fewer than 200 users fit one page");
        assertEquals(csv.rows.size(), single.get("value").size());

        List<String> upns = new ArrayList<>();
        Set<String> links = new HashSet<>();
        String url = sim.graphBaseUrl() + "/reports/getM365AppUserDetail(period='D30')?$format=application/json&$top=40";
        int pages = 0;
        while (url != null) {
            JsonNode page = json(url);
            pages++;
            for (JsonNode item : page.get("value")) {
                upns.add(item.get("userPrincipalName").asText());
                Map<String, String> row = csv.rowWhere("User Principal Name", item.get("userPrincipalName").asText());
                JsonNode details = item.get("details").get(0);
                assertEquals(30, details.get("reportPeriod").asInt());
                assertEquals(row.get("Word (Windows)").equals("Yes"), details.get("wordWindows").asBoolean());
                assertEquals(row.get("Teams (Mobile)").equals("Yes"), details.get("teamsMobile").asBoolean());
                assertEquals(row.get("PowerPoint").equals("Yes"), details.get("powerPoint").asBoolean());
                assertEquals(row.get("Last Activity Date"), item.get("lastActivityDate").isNull() ? "" : item.get("lastActivityDate").asText());
                assertEquals(row.get("Report Refresh Date"), item.get("reportRefreshDate").asText());
            }
            url = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            if (url != null) {
                assertTrue(url.startsWith(sim.graphBaseUrl() + "/reports/getM365AppUserDetail("), url);
                assertTrue(url.contains("$format=application/json") && url.contains("$skiptoken="), url);
                assertTrue(links.add(url), "nextLinks differ per page");
            }
        }
        assertEquals((csv.rows.size() + 39) / 40, pages);
        assertEquals(csv.column("User Principal Name"), upns);
    }

    @Test
    void reportThrottleAnswers429WithRetryAfterPerReportAndApp() throws Exception {
        ReportsModule.of(sim).throttle().limit(tenant.id(), new ReportThrottle.Limit(3, 100, Duration.ofMinutes(10)));
        for (int i = 0; i < 3; i++) {
            csv(graph.reports().getOneDriveActivityUserDetailWithPeriod("D7").get());
        }
        RetryHandlerOption noRetry = new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0);
        ODataError e = assertThrows(ODataError.class,
                () -> graph.reports().getOneDriveActivityUserDetailWithPeriod("D30").get(rc -> rc.options.add(noRetry)));
        assertEquals(429, e.getResponseStatusCode());
        assertEquals("TooManyRequests", e.getError().getCode());
        String retryAfter = e.getResponseHeaders().get("Retry-After").iterator().next();
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds > 500 && seconds <= 600, retryAfter);
        // counted per report function and per app
        csv(graph.reports().getEmailActivityUserDetailWithPeriod("D7").get());
        RegisteredApp other = tenant.apps().register(Registration.of("other reader", Set.of("Reports.Read.All")));
        GraphServiceClient otherGraph = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), other.clientId(), other.secret()));
        csv(otherGraph.reports().getOneDriveActivityUserDetailWithPeriod("D7").get());
    }

    @Test
    void shortThrottleWindowIsAbsorbedByTheSdkRetryHandler() throws Exception {
        ReportsModule.of(sim).throttle().limit(tenant.id(), new ReportThrottle.Limit(1, 100, Duration.ofSeconds(2)));
        csv(graph.reports().getTeamsUserActivityUserDetailWithPeriod("D7").get());
        long before = sim.counters().count("GET /v1.0/reports/getTeamsUserActivityUserDetail({args})", 429);
        long start = System.nanoTime();
        CsvTable t = csv(graph.reports().getTeamsUserActivityUserDetailWithPeriod("D7").get());
        assertEquals(TEAMS, t.header);
        assertEquals(before + 1, sim.counters().count("GET /v1.0/reports/getTeamsUserActivityUserDetail({args})", 429));
        assertTrue(System.nanoTime() - start >= 900_000_000L, "the SDK waited for Retry-After");
    }

    @Test
    void downloadLinkIsPreAuthenticatedAndShortLived() {
        HeadersInspectionOption headers = new HeadersInspectionOption(false, true);
        RedirectHandlerOption noRedirect = new RedirectHandlerOption(0, response -> false);
        InputStream none = graph.reports().getEmailActivityUserDetailWithPeriod("D7").get(rc -> {
            rc.options.add(headers);
            rc.options.add(noRedirect);
        });
        assertNull(none, "a 302 is not followed when redirects are off");
        String location = headers.getResponseHeaders().get("Location").iterator().next();
        assertTrue(location.startsWith(sim.baseUrl() + "/_download/reports/"), location);
        SimControl.Response download = control.get(location);   // no Authorization header
        assertEquals(200, download.status());
        assertEquals("application/octet-stream", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals(EMAIL, CsvTable.parse(download.body()).header);
        assertEquals(404, control.get(sim.baseUrl() + "/_download/reports/not-a-token").status());
        sim.clock().advance(Duration.ofMinutes(6));
        assertEquals(410, control.get(location).status(), "expired after a few minutes");
    }

    @Test
    void delegatedCallersNeedAReportsRoleAndGlobalReadersSeeConcealedNames() throws Exception {
        concealNames(false);
        RegisteredApp delegatedApp = tenant.apps().register(new Registration(null, "admin portal", Set.of(),
                Set.of("Reports.Read.All"), List.of("http://localhost/callback"), List.of(Duration.ofDays(30)), List.of()));
        var registration = tenant.apps().require(delegatedApp.clientId());
        List<User> users = tenant.users().list().stream().filter(u -> !u.isGuest() && u.accountEnabled()).toList();
        Map<String, List<String>> wids = Map.of(
                "none", List.of(),
                "reader", List.of(Catalog.REPORTS_READER.templateId()),
                "globalReader", List.of(Catalog.GLOBAL_READER.templateId()));
        Map<String, GraphServiceClient> clients = new java.util.HashMap<>();
        int i = 10;
        for (Map.Entry<String, List<String>> w : wids.entrySet()) {
            User u = users.get(i++);
            String token = sim.tokens().delegatedToken(tenant, registration, u, Set.of("Reports.Read.All"), w.getValue(), tenant.now());
            clients.put(w.getKey(), SimClients.graph(sim, () -> token));
        }
        ODataError denied = assertThrows(ODataError.class, () -> clients.get("none").reports().getEmailActivityUserDetailWithPeriod("D7").get());
        assertEquals(403, denied.getResponseStatusCode());
        assertEquals("Authorization_RequestDenied", denied.getError().getCode());
        CsvTable named = csv(clients.get("reader").reports().getEmailActivityUserDetailWithPeriod("D7").get());
        assertEquals(upnsWithPlan("EXCHANGE_S_"), new HashSet<>(named.column("User Principal Name")));
        CsvTable concealed = csv(clients.get("globalReader").reports().getEmailActivityUserDetailWithPeriod("D7").get());
        assertTrue(concealed.rows.stream().allMatch(r -> r.get("User Principal Name").matches("[0-9A-F]{32}")));

        RegisteredApp noReports = tenant.apps().register(Registration.of("no reports", Set.of("User.Read.All")));
        GraphServiceClient noReportsGraph = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), noReports.clientId(), noReports.secret()));
        ODataError appDenied = assertThrows(ODataError.class, () -> noReportsGraph.reports().getOffice365ActivationsUserDetail().get());
        assertEquals(403, appDenied.getResponseStatusCode());
    }

    @Test
    void controlApiChangesAUsersUsageAndTheReportsFollow() throws Exception {
        concealNames(false);
        LocalDate day = refreshDate();
        Set<String> officeApps = upnsWithPlan("OFFICESUBSCRIPTION");
        Set<String> exchange = upnsWithPlan("EXCHANGE_S_");
        User user = tenant.users().list().stream().filter(u -> u.accountEnabled() && officeApps.contains(u.userPrincipalName())
                && exchange.contains(u.userPrincipalName())).skip(3).findFirst().orElseThrow();
        String base = "/_sim/tenants/" + tenant.id() + "/usage/users/" + user.id();
        SimControl.Response set = control.put(base + "/days/" + day, """
                {"apps":{"Word":["Windows"],"Outlook":["Web"]},
                 "email":{"send":420,"receive":10,"read":9,"meetingCreated":0,"meetingInteracted":0}}""");
        assertEquals(204, set.status(), set.text());
        Map<String, String> email = csv(graph.reports().getEmailActivityUserDetailWithPeriod("D7").get()).rowWhere("User Principal Name", user.userPrincipalName());
        assertEquals(day.toString(), email.get("Last Activity Date"));
        assertTrue(Long.parseLong(email.get("Send Count")) >= 420);
        Map<String, String> apps = csv(graph.reports().getM365AppUserDetailWithDate(day).get()).rowWhere("User Principal Name", user.userPrincipalName());
        assertEquals("Yes", apps.get("Word (Windows)"));
        assertEquals("Yes", apps.get("Outlook (Web)"));
        assertEquals("No", apps.get("Excel (Windows)"), "an explicit day replaces the generated one");

        // inactive since 10 days ago: nothing after that, not even the explicit day once it is removed
        assertEquals(204, control.delete(base + "/days/" + day).status());
        assertEquals(204, control.put(base, "{\"inactiveSince\":\"" + day.minusDays(10) + "\"}").status());
        Map<String, String> quiet = csv(graph.reports().getEmailActivityUserDetailWithPeriod("D7").get()).rowWhere("User Principal Name", user.userPrincipalName());
        assertEquals("0", quiet.get("Send Count"));
        String last = quiet.get("Last Activity Date");
        assertTrue(last.isEmpty() || LocalDate.parse(last).isBefore(day.minusDays(10)), last);

        // persona "none": never active (a licence nobody uses)
        assertEquals(204, control.put(base, "{\"persona\":\"none\",\"inactiveSince\":null}").status());
        assertEquals("", csv(graph.reports().getOffice365ActiveUserDetailWithPeriod("D180").get())
                .rowWhere("User Principal Name", user.userPrincipalName()).get("Exchange Last Activity Date"));
        assertEquals(204, control.delete(base).status());

        // explicit activity must fit the licences
        User exchangeOnly = tenant.users().list().stream().filter(u -> u.accountEnabled() && exchange.contains(u.userPrincipalName())
                && !officeApps.contains(u.userPrincipalName())).findFirst().orElseThrow();
        SimControl.Response refused = control.put("/_sim/tenants/" + tenant.id() + "/usage/users/" + exchangeOnly.id() + "/days/" + day,
                "{\"apps\":{\"Word\":[\"Windows\"]}}");
        assertEquals(400, refused.status());
        assertTrue(refused.text().contains("Word (Windows)"), refused.text());
        assertEquals(400, control.put(base + "/days/" + day, "{\"email\":{\"sent\":1}}").status(), "unknown fields are refused");
        assertEquals(400, control.put(base, "{\"persona\":\"busy\"}").status());
    }

    @Test
    void usageGoesBackMoreThan35DaysAndIsDeterministic() {
        LocalDate today = LocalDate.ofInstant(tenant.now(), ZoneOffset.UTC);
        int usersWithOldActivity = 0;
        for (User u : tenant.users().list().subList(0, 40)) {
            JsonNode truth = groundTruth(u.id(), today.minusDays(45), today.minusDays(35));
            if (truth.get("days").size() > 0) {
                usersWithOldActivity++;
            }
        }
        assertTrue(usersWithOldActivity > 10, "activity 35–45 days back: " + usersWithOldActivity);
        // the same seed gives the same usage in another simulator
        try (GraphSimulator other = GraphSimulator.start()) {
            Tenant twin = other.tenants().generate(new GenerationSpec(21, 160, "usage"));
            User u = tenant.users().list().get(7);
            JsonNode mine = groundTruth(u.id(), today.minusDays(30), today);
            SimControl.Response theirs = new SimControl(other).get("/_sim/tenants/" + twin.id() + "/usage/users/" + u.id()
                    + "?from=" + today.minusDays(30) + "&to=" + today);
            assertEquals(mine.get("days"), theirs.json().get("days"));
        }
    }

    @Test
    void deletedUsersStayInPeriodReportsFlaggedAsDeleted() throws Exception {
        Tenant other = sim.tenants().generate(new GenerationSpec(22, 40, "deletions"));
        other.displayConcealedNames(false);
        RegisteredApp reader = other.apps().register(Registration.of("reader", Set.of("Reports.Read.All")));
        GraphServiceClient g = SimClients.graph(sim, SimClients.msal(sim, other.id(), reader.clientId(), reader.secret()));
        User gone = other.users().list().stream().filter(u -> u.accountEnabled() && other.read(() -> other.hasServicePlan(u, "EXCHANGE_S_")))
                .skip(2).findFirst().orElseThrow();
        other.users().delete(gone.id(), false);
        Map<String, String> row = csv(g.reports().getEmailActivityUserDetailWithPeriod("D7").get()).rowWhere("User Principal Name", gone.userPrincipalName());
        assertEquals("True", row.get("Is Deleted"));
        assertEquals(LocalDate.ofInstant(other.now(), ZoneOffset.UTC).toString(), row.get("Deleted Date"));
        Map<String, String> active = csv(g.reports().getOffice365ActiveUserDetailWithPeriod("D30").get()).rowWhere("User Principal Name", gone.userPrincipalName());
        assertEquals("True", active.get("Is Deleted"));
        // live users are not flagged, and the M365 apps report lists live users only
        assertTrue(csv(g.reports().getM365AppUserDetailWithPeriod("D7").get()).column("User Principal Name").stream().noneMatch(gone.userPrincipalName()::equals));
    }
}
