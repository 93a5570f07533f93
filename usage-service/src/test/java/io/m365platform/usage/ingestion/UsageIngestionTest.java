package io.m365platform.usage.ingestion;

import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.connection.ConnectionCreated;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.usage.DailyAppUsage;
import io.m365platform.contracts.usage.IngestionCompleted;
import io.m365platform.contracts.usage.IngestionDayIngested;
import io.m365platform.contracts.usage.IngestionStarted;
import io.m365platform.contracts.usage.IngestionThrottled;
import io.m365platform.contracts.usage.UsageStatusChanged;
import io.m365platform.contracts.usage.LicenseUtilisation;
import io.m365platform.contracts.usage.UsageApp;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.faults.FaultRule;
import io.m365platform.graphsim.reports.ReportsModule;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.testsupport.graph.ConnectedTenants;
import io.m365platform.testsupport.graph.InjectSimulator;
import io.m365platform.testsupport.graph.SimulatorResource;
import io.m365platform.testsupport.kafka.InjectKafkaCompanion;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.m365platform.usage.reports.AppPlatformBits;
import io.m365platform.usage.support.DirectoryFeed;
import io.m365platform.usage.support.SimulatorClock;
import io.m365platform.usage.support.UsageDb;
import io.m365platform.usage.support.UsageTruth;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Report ingestion end to end: real Kafka (directory topics in, usage topics out), PostgreSQL and the Graph
 * simulator's reports. What is stored and served must equal the simulator's ground truth.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class UsageIngestionTest {

    /** Days asked on a first backfill: today − 28 … today − 2. */
    private static final int BACKFILL_DAYS = 27;

    @InjectSimulator
    GraphSimulator sim;

    @Inject
    ConnectedTenants connected;

    @Inject
    DirectoryFeed directory;

    @Inject
    SimulatorClock clock;

    @Inject
    UsageDb db;

    @Inject
    ReportDayQueue queue;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    /** Set once the service consumes connection events (its consumer group settles once per test JVM). */
    private static volatile boolean consuming;

    @BeforeEach
    void followTheSimulatorsClock() {
        awaitConsumers();
        clock.follow(sim.clock());
        sim.resetTraffic();   // the request log counts this test's calls only (a fault's entry names no tenant)
        // A test advances the clock by up to half an hour: never across midnight, where "today" would move.
        LocalTime time = LocalTime.ofInstant(sim.clock().instant(), ZoneOffset.UTC);
        if (time.isAfter(LocalTime.of(22, 30))) {
            sim.clock().advance(Duration.between(time, LocalTime.MAX).plusMinutes(30));
        }
    }

    @Test
    void theBackfillWithinTheThrottleEqualsTheSimulatorsGroundTruth() {
        Tenant tenant = tenant(71, 40, "usage-truth");
        ConnectedTenants.TestConnection c = connectWithDirectory(tenant);

        // The first 14 calls fill the report's throttle window; the rest wait for it, without a single 429.
        Status first = awaitStatus(c, s -> s.callsInWindow() == 14 && s.daysPending() == BACKFILL_DAYS - 14);
        assertEquals(14, calls(tenant, 302) + calls(tenant, 429), () -> "calls in the first window: "
                + sim.requestLog().entries().stream().filter(e -> e.path().contains("/reports/"))
                .map(e -> e.time() + " " + e.path() + " " + e.status() + " " + e.tenantId() + " " + e.fault()).toList());
        assertEquals(0, calls(tenant, 429));
        sleep(1_000);
        assertEquals(14, calls(tenant, 302), "no call while the throttle window is full");
        assertNotNull(first.nextCallAt());

        sim.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        Status done = awaitStatus(c, s -> s.daysIngested() + s.daysPending() == BACKFILL_DAYS
                && s.pendingDays().stream().allMatch(d -> d.isAfter(s.latestDataDay())));
        assertEquals(BACKFILL_DAYS, calls(tenant, 302), "each day asked once");
        assertEquals(0, calls(tenant, 429));

        List<LocalDate> days = ingestedDaysInWindow(c, done);
        assertTrue(days.size() >= BACKFILL_DAYS - 1, "days stored: " + days);
        Map<String, Map<LocalDate, Integer>> truth = UsageTruth.apps(tenant, days);
        assertFalse(truth.isEmpty(), "the tenant has usage");
        assertEquals(truth, db.storedApps(c.connectionId()), "stored daily usage = simulator's ground truth");
        assertEquals(0, db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ? AND user_id IS NULL",
                c.connectionId()), "every row of an unconcealed report maps to a known user");

        assertAppTotals(c, truth);
        assertUserUsage(c, truth);
        assertUtilisation(c, tenant, truth);
        assertPublished(c, truth);
        assertRunEvents(c, days);
    }

    @Test
    void aDayWithoutDataYetStaysPendingAndIsFilledWhenGraphHasIt() {
        Tenant tenant = tenant(72, 30, "usage-late");
        LocalDate today = LocalDate.ofInstant(sim.clock().instant(), ZoneOffset.UTC);
        LocalDate late = today.minusDays(2);
        while (late.getDayOfWeek().getValue() > 5) {
            late = late.minusDays(1);   // a weekday: it has users active for sure
        }
        ReportsModule reports = ReportsModule.of(sim);
        reports.latency(tenant.id(), (int) (today.toEpochDay() - late.toEpochDay()) + 1);
        ConnectedTenants.TestConnection c;
        LocalDate lateDay = late;
        try {
            c = connectWithDirectory(tenant);
            Status waiting = awaitStatus(c, s -> s.callsInWindow() == 14);
            assertTrue(waiting.pendingDays().contains(lateDay), "asked too early, the day stays pending");
            assertTrue(waiting.latestDataDay().isBefore(lateDay));
            assertEquals(0, db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ? AND day = ?",
                    c.connectionId(), lateDay), "no rows stored for a day Graph has not processed");
            assertEquals(0, db.count("SELECT count(*) FROM report_day WHERE connection_id = ? AND day = ? "
                    + "AND state <> 'pending'", c.connectionId(), lateDay), "not recorded as a day nobody worked");
        } finally {
            reports.latency(tenant.id(), null);
        }
        // Graph has the day now; the retry (5 minutes in tests) comes with the next throttle window.
        sim.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "SELECT count(*) FROM report_day WHERE connection_id = ? AND day = ? AND state = 'ingested'",
                c.connectionId(), lateDay) == 1);
        Map<String, Map<LocalDate, Integer>> truth = UsageTruth.apps(tenant, List.of(lateDay));
        assertFalse(truth.isEmpty());
        Map<String, Map<LocalDate, Integer>> stored = new HashMap<>();
        db.storedApps(c.connectionId()).forEach((user, byDay) -> {
            if (byDay.containsKey(lateDay)) {
                stored.put(user, Map.of(lateDay, byDay.get(lateDay)));
            }
        });
        assertEquals(truth, stored, "the late day equals the ground truth once filled");
    }

    @Test
    void a429PushesTheConnectionsCallsBackByItsRetryAfter() {
        Tenant tenant = tenant(73, 20, "usage-429");
        // A Retry-After of 10 minutes (the report throttle's scale) is longer than any in-place wait: the day is
        // handed back to the queue with that not-before instead of blocking a worker.
        String fault = sim.faults().add(FaultRule.throttle(600).path("/v1.0/reports/*").tenant(tenant.id()).times(1)).id();
        try {
            ConnectedTenants.TestConnection c = connectWithDirectory(tenant);
            Status throttled = awaitStatus(c, s -> s.throttledUntil() != null);
            Instant now = sim.clock().instant();
            assertTrue(!throttled.throttledUntil().isBefore(now.plusSeconds(590)), "until " + throttled.throttledUntil());
            assertEquals(1, calls(tenant, 429));
            IngestionThrottled event = awaitEvent(c, IngestionThrottled.class, e -> true);
            assertEquals(throttled.throttledUntil().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    event.resumeAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), "the event says when calls resume");
            assertTrue(event.reason().contains("429"), event.reason());
            sleep(1_500);
            assertEquals(0, calls(tenant, 302), "no report call while Retry-After runs");

            sim.clock().advance(Duration.ofSeconds(601));
            awaitStatus(c, s -> s.throttledUntil() == null && s.callsInWindow() == 14);
            assertEquals(14, calls(tenant, 302), "the budget applies after the pause");
            assertEquals(1, calls(tenant, 429));
        } finally {
            sim.faults().remove(fault);
        }
    }

    @Test
    void rowsOfUsersMissingFromTheDirectoryAreKeptAndMarkedUnmapped() {
        Tenant tenant = tenant(74, 30, "usage-unknown");
        LocalDate today = LocalDate.ofInstant(sim.clock().instant(), ZoneOffset.UTC);
        List<LocalDate> firstWindow = new ArrayList<>();
        for (int back = 2; back < 16; back++) {
            firstWindow.add(today.minusDays(back));   // the 14 newest days are asked first
        }
        Map<String, Map<LocalDate, Integer>> all = UsageTruth.apps(tenant, firstWindow);
        String missing = all.keySet().stream().sorted().findFirst().orElseThrow();
        String upn = tenant.users().list().stream().filter(u -> u.id().equals(missing)).findFirst().orElseThrow()
                .userPrincipalName();
        ConnectedTenants.TestConnection c = connectWithDirectory(tenant, u -> !u.id().equals(missing),
                Set.of("Reports.Read.All"));
        Status first = awaitStatus(c, s -> s.callsInWindow() == 14);
        List<LocalDate> days = ingestedDaysInWindow(c, first);
        Map<LocalDate, Integer> truth = UsageTruth.apps(tenant, days).getOrDefault(missing, Map.of());
        assertFalse(truth.isEmpty(), "the left-out user was active in the first window's days");
        for (var day : truth.entrySet()) {
            assertEquals(1, db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ? AND day = ? "
                    + "AND user_id IS NULL AND NOT concealed AND user_key = ? AND reported_name = ? AND apps = ?",
                    c.connectionId(), day.getKey(), upn.toLowerCase(java.util.Locale.ROOT), upn, day.getValue()), "kept, unmapped, on " + day.getKey());
        }
        assertEquals(truth.size(), db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ? "
                + "AND user_id IS NULL", c.connectionId()), "only the left-out user is unmapped");

        // The user reaches the directory later (the first sync was still running): the kept rows move to the user.
        directory.publish(c.connectionId(), tenant, u -> u.id().equals(missing));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM daily_app_usage"
                + " WHERE connection_id = ? AND user_id IS NULL", c.connectionId()) == 0);
        for (var day : truth.entrySet()) {
            assertEquals(1, db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ? AND day = ? "
                    + "AND user_id = ? AND user_key = ? AND apps = ?", c.connectionId(), day.getKey(), missing,
                    missing, day.getValue()), "mapped on " + day.getKey());
        }
        // Its days are published again and the old keys tombstoned.
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("SELECT count(*) FROM retracted_usage"
                + " WHERE connection_id = ?", c.connectionId()) == 0 && db.count("SELECT count(*) FROM report_day"
                + " WHERE connection_id = ? AND state = 'ingested' AND NOT published", c.connectionId()) == 0);
    }

    @Test
    void concealedNamesAreNeverGuessedAndWithOptInTheServiceTurnsConcealmentOffAndIngestsAgain() {
        Tenant tenant = sim.tenants().generate(new GenerationSpec(75, 25, "usage-hidden"));
        assertTrue(tenant.displayConcealedNames(), "Graph's default since 2021");
        ConnectedTenants.TestConnection c = connectWithDirectory(tenant, u -> true,
                Set.of("Reports.Read.All", "ReportSettings.ReadWrite.All"));
        awaitStatus(c, s -> s.callsInWindow() == 14);
        JsonPath status = get("/usage/connections/" + c.connectionId() + "/ingestion").jsonPath();
        assertTrue(status.getBoolean("concealed"));
        assertTrue(status.getString("concealedFix").contains("Display concealed user, group, and site names"));
        assertTrue(db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ?", c.connectionId()) > 0);
        assertEquals(0, db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ? "
                + "AND (user_id IS NOT NULL OR NOT concealed)", c.connectionId()), "hashes are never mapped");
        assertTrue(tenant.displayConcealedNames(), "nothing changes without the operator's opt-in");
        UsageStatusChanged concealedEvent = awaitEvent(c, UsageStatusChanged.class, UsageStatusChanged::concealed);
        assertEquals(status.getString("concealedFix"), concealedEvent.concealedFix(), "the event carries the fix");
        assertTrue(concealedEvent.concealedFix().contains("Settings > Org settings > Services > Reports"));
        assertTrue(awaitEvent(c, IngestionDayIngested.class, e -> e.concealedRows() > 0).concealedRows() > 0);

        given().auth().oauth2(operatorToken()).contentType("application/json").body("{\"enabled\": true}")
                .put("/usage/connections/" + c.connectionId() + "/ingestion/unconceal").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !tenant.displayConcealedNames());
        // Every day is asked again, within the throttle: a window at a time.
        for (int window = 0; window < 5 && !fullyIngested(c); window++) {
            sim.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> fullyIngested(c) || status(c).callsInWindow() == 14);
        }
        Status done = awaitStatus(c, s -> s.daysPending() == 0 || s.pendingDays().stream()
                .allMatch(d -> d.isAfter(s.latestDataDay())));
        List<LocalDate> days = ingestedDaysInWindow(c, done);
        assertEquals(UsageTruth.apps(tenant, days), db.storedApps(c.connectionId()), "re-ingested with real names");
        assertEquals(0, db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ? AND concealed",
                c.connectionId()));
        assertFalse(get("/usage/connections/" + c.connectionId() + "/ingestion").jsonPath().getBoolean("concealed"));
        UsageStatusChanged shown = awaitEvent(c, UsageStatusChanged.class, e -> !e.concealed());
        assertEquals(null, shown.concealedFix(), "no fix once names show");
        List<UsageStatusChanged> changes = awaitEvents(c, l -> l.stream()
                        .anyMatch(e -> e instanceof UsageStatusChanged u && !u.concealed())).stream()
                .filter(UsageStatusChanged.class::isInstance).map(UsageStatusChanged.class::cast).toList();
        assertTrue(changes.get(0).concealed() && !changes.get(changes.size() - 1).concealed(), "concealed, then not: "
                + changes);

        // The compacted topic keeps exactly the stored rows: the hash-keyed records of before are tombstoned.
        int stored = db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ?", c.connectionId());
        var daily = kafka.consume(Serdes.String(), Serdes.ByteArray()).fromTopics(Topics.USAGE_DAILY);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, byte[]> latest = new HashMap<>();
                daily.getRecords().stream().filter(r -> r.key().startsWith(c.connectionId() + "/"))
                        .forEach(r -> latest.put(r.key(), r.value()));
                long live = latest.values().stream().filter(java.util.Objects::nonNull).count();
                assertEquals(stored, (int) live, "live keys = stored rows");
                assertTrue(latest.entrySet().stream().filter(e -> e.getValue() != null)
                        .noneMatch(e -> DailyAppUsage.isConcealedName(e.getKey().split("/")[1])), "no hash key lives");
            });
        } finally {
            daily.stop();
        }
    }

    @Test
    void aDayClaimedByAnInstanceThatDiedIsTakenOverAfterItsLeaseAndNoDayIsAskedTwice() {
        Tenant tenant = tenant(76, 20, "usage-crash");
        ConnectedTenants.TestConnection c = connectWithDirectory(tenant);
        awaitStatus(c, s -> s.daysPending() > 0);
        // Another instance claims a day (and its throttle slot), then dies before calling Graph.
        ReportDay orphan = await().atMost(Duration.ofSeconds(20)).until(() -> queue.claimNext(sim.clock().instant(),
                1_000, Duration.ofMinutes(10), Duration.ofMinutes(5)).filter(d -> d.connectionId()
                .equals(c.connectionId())).orElse(null), java.util.Objects::nonNull);
        awaitStatus(c, s -> s.callsInWindow() >= 14);
        sleep(1_500);
        assertEquals(1, db.count("SELECT count(*) FROM report_day WHERE connection_id = ? AND day = ? "
                + "AND state = 'pending'", c.connectionId(), orphan.day()), "left alone while its lease runs");

        sim.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
        Status done = awaitStatus(c, s -> s.daysIngested() + s.daysPending() == BACKFILL_DAYS
                && s.pendingDays().stream().allMatch(d -> d.isAfter(s.latestDataDay())));
        assertFalse(done.pendingDays().contains(orphan.day()) && !orphan.day().isAfter(done.latestDataDay()),
                "the orphaned day was taken over");
        assertEquals(BACKFILL_DAYS, calls(tenant, 302), "each day asked once, the orphaned one too");
        List<LocalDate> days = ingestedDaysInWindow(c, done);
        assertEquals(UsageTruth.apps(tenant, days), db.storedApps(c.connectionId()));
    }

    private boolean fullyIngested(ConnectedTenants.TestConnection c) {
        return db.count("SELECT count(*) FROM report_day WHERE connection_id = ? AND state = 'pending' "
                + "AND day <= (SELECT latest_data_day FROM ingestion_state WHERE connection_id = ?)",
                c.connectionId(), c.connectionId()) == 0
                && db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ? AND concealed",
                c.connectionId()) == 0;
    }

    // ------------------------------------------------------------------ assertions against the ground truth

    private void assertAppTotals(ConnectedTenants.TestConnection c, Map<String, Map<LocalDate, Integer>> truth) {
        Map<String, Integer> windowBits = new HashMap<>();
        truth.forEach((user, byDay) -> windowBits.put(user, byDay.values().stream().reduce(0, (a, b) -> a | b)));
        JsonPath totals = get("/usage/connections/" + c.connectionId() + "/apps").jsonPath();
        List<String> apps = new ArrayList<>();
        AppPlatformBits.APPS.forEach(a -> apps.add(a.wireName()));
        apps.add("microsoft365-suite");
        for (String app : apps) {
            int mask = app.equals("microsoft365-suite") ? AppPlatformBits.SUITE_MASK
                    : AppPlatformBits.appMask(UsageApp.valueOf(app.toUpperCase()));
            long expected = windowBits.values().stream().filter(bits -> (bits & mask) != 0).count();
            assertEquals((int) expected, totals.getInt("find { it.app == '" + app + "' }.activeUsers"), app);
            for (var platform : AppPlatformBits.PLATFORMS) {
                int pm = mask & AppPlatformBits.platformMask(platform);
                long onPlatform = windowBits.values().stream().filter(bits -> (bits & pm) != 0).count();
                assertEquals((int) onPlatform, totals.getInt("find { it.app == '" + app + "' }.byPlatform."
                        + platform.wireName()), app + " on " + platform);
            }
        }
    }

    private void assertUserUsage(ConnectedTenants.TestConnection c, Map<String, Map<LocalDate, Integer>> truth) {
        int checked = 0;
        for (var entry : truth.entrySet()) {
            if (checked++ == 5) {
                break;
            }
            JsonPath user = get("/usage/connections/" + c.connectionId() + "/users/" + entry.getKey()).jsonPath();
            long suiteDays = entry.getValue().values().stream().filter(b -> (b & AppPlatformBits.SUITE_MASK) != 0)
                    .count();
            assertEquals((int) suiteDays, user.getInt("suite.activeDays"));
            assertEquals(entry.getValue().size(), user.getInt("activeDays"));
            int teams = AppPlatformBits.appMask(UsageApp.TEAMS);
            long teamsDays = entry.getValue().values().stream().filter(b -> (b & teams) != 0).count();
            Integer served = user.get("apps.find { it.app == 'teams' }.activeDays");
            assertEquals((int) teamsDays, served == null ? 0 : served, "Teams stands apart from the suite");
            JsonPath perDay = get("/usage/connections/" + c.connectionId() + "/users/" + entry.getKey() + "/days")
                    .jsonPath();
            Map<LocalDate, Integer> servedDays = new HashMap<>();
            for (int i = 0; i < perDay.getList("day").size(); i++) {
                int bits = 0;
                for (Map<String, String> pair : perDay.<Map<String, String>>getList("[" + i + "].used")) {
                    bits |= AppPlatformBits.bit(UsageApp.valueOf(pair.get("app").toUpperCase()),
                            io.m365platform.contracts.usage.UsagePlatform.valueOf(pair.get("platform").toUpperCase()));
                }
                servedDays.put(LocalDate.parse(perDay.getString("[" + i + "].day")), bits);
            }
            assertEquals(entry.getValue(), servedDays, "per-day usage of " + entry.getKey());
        }
        JsonPath page = get("/usage/connections/" + c.connectionId() + "/users?limit=1000").jsonPath();
        Set<String> mapped = new HashSet<>(page.getList("items.userId"));
        assertEquals(truth.keySet(), mapped, "every user with any use is listed");
    }

    private void assertUtilisation(ConnectedTenants.TestConnection c, Tenant tenant,
                                   Map<String, Map<LocalDate, Integer>> truth) {
        Map<String, Set<String>> holders = UsageTruth.holders(tenant);
        JsonPath licenses = get("/usage/connections/" + c.connectionId() + "/licenses").jsonPath();
        List<String> skus = licenses.getList("skuId");
        assertFalse(skus.isEmpty());
        for (String sku : skus) {
            Set<String> held = holders.getOrDefault(sku, Set.of());
            long active = held.stream().filter(truth::containsKey).count();
            String at = "find { it.skuId == '" + sku + "' }.";
            assertEquals(held.size(), licenses.getInt(at + "assignedUsers"), sku);
            assertEquals((int) active, licenses.getInt(at + "activeUsers"), sku);
            assertEquals(held.size() - (int) active, licenses.getInt(at + "inactiveUsers"), sku);
            if (held.size() > active) {
                JsonPath inactive = get("/usage/connections/" + c.connectionId() + "/licenses/" + sku
                        + "/inactive-users?limit=1000").jsonPath();
                Set<String> expected = new HashSet<>(held);
                expected.removeAll(truth.keySet());
                assertEquals(expected, new HashSet<>(inactive.getList("items.userId")), sku);
            }
        }
    }

    private void assertPublished(ConnectedTenants.TestConnection c, Map<String, Map<LocalDate, Integer>> truth) {
        int rows = truth.values().stream().mapToInt(Map::size).sum();
        CloudEventReader reader = new CloudEventReader();
        var daily = kafka.consume(Serdes.String(), Serdes.ByteArray()).fromTopics(Topics.USAGE_DAILY);
        var utilisation = kafka.consume(Serdes.String(), Serdes.ByteArray())
                .fromTopics(Topics.USAGE_LICENSE_UTILISATION);
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Integer> published = new HashMap<>();
                daily.getRecords().stream().filter(r -> r.key().startsWith(c.connectionId() + "/"))
                        .map(reader::read).map(r -> ((ReadResult.Accepted) r).envelope().dataAs(DailyAppUsage.class))
                        .forEach(e -> published.put(e.userId() + "/" + e.reportDate(), AppPlatformBits.of(e.used())));
                Map<String, Integer> expected = new HashMap<>();
                truth.forEach((user, byDay) -> byDay.forEach((day, apps) -> expected.put(user + "/" + day, apps)));
                assertEquals(rows, expected.size());
                assertEquals(expected, published, "m365.usage.daily carries the stored days");
                Map<String, LicenseUtilisation> latest = new HashMap<>();
                utilisation.getRecords().stream().filter(r -> r.key().startsWith(c.connectionId() + "/"))
                        .map(reader::read).map(r -> ((ReadResult.Accepted) r).envelope()
                                .dataAs(LicenseUtilisation.class)).forEach(e -> latest.put(e.skuId(), e));
                JsonPath served = get("/usage/connections/" + c.connectionId() + "/licenses").jsonPath();
                assertEquals(served.getList("skuId").size(), latest.size(), "utilisation published per SKU");
                for (LicenseUtilisation e : latest.values()) {
                    String at = "find { it.skuId == '" + e.skuId() + "' }.";
                    assertEquals(served.getInt(at + "activeUsers"), e.activeUsers(), e.skuId());
                    assertEquals(served.getInt(at + "inactiveUsers"), e.inactiveUsers(), e.skuId());
                    assertEquals(served.getInt(at + "assignedDirectly"), e.assignedDirectly(), e.skuId());
                    assertEquals(served.getInt(at + "inheritedOnly"), e.inheritedOnly(), e.skuId());
                }
            });
        } finally {
            daily.stop();
            utilisation.stop();
        }
    }

    /**
     * The run events of a backfill on m365.usage.ingestion: started, one day-ingested per stored day (rows as stored),
     * completed last with the day counts. An event may repeat (at least once), never be missing or out of order.
     */
    private void assertRunEvents(ConnectedTenants.TestConnection c, List<LocalDate> days) {
        List<PlatformEvent> events = awaitEvents(c, l -> l.stream().anyMatch(IngestionCompleted.class::isInstance));
        IngestionCompleted completed = events.stream().filter(IngestionCompleted.class::isInstance)
                .map(IngestionCompleted.class::cast).findFirst().orElseThrow();
        String run = completed.runId();
        List<PlatformEvent> ofRun = events.stream().filter(e -> !(e instanceof UsageStatusChanged))
                .filter(e -> run.equals(((io.m365platform.contracts.usage.IngestionRunEvent) e).runId())).toList();
        assertTrue(ofRun.get(0) instanceof IngestionStarted, "started first: " + ofRun);
        IngestionStarted started = (IngestionStarted) ofRun.get(0);
        assertEquals(BACKFILL_DAYS, started.daysPending(), "the backfill's days are queued when it starts");
        assertTrue(ofRun.get(ofRun.size() - 1) instanceof IngestionCompleted, "completed last: " + ofRun);
        Map<LocalDate, Integer> ingested = new HashMap<>();
        ofRun.stream().filter(IngestionDayIngested.class::isInstance).map(IngestionDayIngested.class::cast)
                .forEach(e -> ingested.put(e.day(), e.rows()));
        for (LocalDate day : days) {
            assertEquals(db.count("SELECT count(*) FROM daily_app_usage WHERE connection_id = ? AND day = ?",
                    c.connectionId(), day), ingested.get(day), "day-ingested of " + day + " has the stored rows");
        }
        int storedDays = db.count("SELECT count(*) FROM report_day WHERE connection_id = ? AND state = 'ingested'",
                c.connectionId());
        assertEquals(storedDays, ingested.size(), "one day-ingested per stored day");
        assertEquals(storedDays, completed.daysIngested());
        assertEquals(started.startedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                completed.startedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertEquals(BACKFILL_DAYS, completed.daysIngested() + completed.daysUnavailable()
                + completed.daysAwaitingData(), "every day of the run accounted for");
        assertTrue(ofRun.stream().noneMatch(e -> e instanceof IngestionThrottled), "no 429 in this backfill");
    }

    /** The events on m365.usage.ingestion of the connection, in order, once they satisfy {@code done}. */
    private List<PlatformEvent> awaitEvents(ConnectedTenants.TestConnection c,
                                            java.util.function.Predicate<List<PlatformEvent>> done) {
        CloudEventReader reader = new CloudEventReader();
        var consumer = kafka.consume(Serdes.String(), Serdes.ByteArray()).fromTopics(Topics.USAGE_INGESTION);
        List<PlatformEvent> events = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> {
                events.clear();
                consumer.getRecords().stream().filter(r -> r.key().equals(c.connectionId())).map(reader::read)
                        .map(r -> ((ReadResult.Accepted) r).envelope())
                        .forEach(e -> events.add(e.dataAs(e.type().dataClass())));
                return done.test(events);
            });
            return List.copyOf(events);
        } finally {
            consumer.stop();
        }
    }

    private <T extends PlatformEvent> T awaitEvent(ConnectedTenants.TestConnection c, Class<T> type,
                                                   java.util.function.Predicate<T> matching) {
        return awaitEvents(c, events -> events.stream().filter(type::isInstance).map(type::cast).anyMatch(matching))
                .stream().filter(type::isInstance).map(type::cast).filter(matching).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ helpers

    /**
     * The four consumers of the service join one group: until the rebalances are over (seconds to a minute on a
     * loaded machine) a connection event may wait, and the ingestion's timings are what the tests measure. A marker
     * connection (no report permission: nothing is ingested for it) shows when they are done.
     */
    private void awaitConsumers() {
        if (consuming) {
            return;
        }
        Tenant marker = sim.tenants().generate(new GenerationSpec(70, 5, "usage-marker"));
        ConnectedTenants.TestConnection c = connected.register(marker, Set.of("User.Read.All"), Product.MICROSOFT_365,
                ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ);
        Instant now = Instant.now();
        connected.publish(new ConnectionCreated(ConnectedTenants.state(c, ConnectionStatus.CONNECTED, now), "test",
                now));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> given().auth()
                .oauth2(operatorToken()).get("/usage/connections/" + c.connectionId() + "/apps").statusCode() == 200);
        directory.publish(c.connectionId(), marker);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> db.count(
                "SELECT count(*) FROM directory_user WHERE connection_id = ?", c.connectionId()) == 5);
        consuming = true;
    }

    private Tenant tenant(long seed, int users, String name) {
        Tenant tenant = sim.tenants().generate(new GenerationSpec(seed, users, name));
        tenant.displayConcealedNames(false);
        return tenant;
    }

    /** Plays sync-service (the directory topics), then connection-service (the connection event). */
    private ConnectedTenants.TestConnection connectWithDirectory(Tenant tenant) {
        return connectWithDirectory(tenant, u -> true, Set.of("Reports.Read.All", "User.Read.All"));
    }

    private ConnectedTenants.TestConnection connectWithDirectory(
            Tenant tenant, java.util.function.Predicate<io.m365platform.graphsim.model.User> inDirectory,
            Set<String> permissions) {
        ConnectedTenants.TestConnection c = connected.register(tenant, permissions,
                Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ);
        int users = directory.publish(c.connectionId(), tenant, inDirectory);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count(
                "SELECT count(*) FROM directory_user WHERE connection_id = ?", c.connectionId()) == users
                && db.count("SELECT count(*) FROM subscribed_sku WHERE connection_id = ?", c.connectionId()) > 0);
        Instant now = Instant.now();
        connected.publish(new ConnectionCreated(ConnectedTenants.state(c, ConnectionStatus.CONNECTED, now), "test",
                now));
        return c;
    }

    private long calls(Tenant tenant, int status) {
        return sim.requestLog().entries().stream()
                // an injected fault answers before routing: its log entry may not name the tenant
                .filter(e -> (tenant.id().equals(e.tenantId()) || e.tenantId() == null && e.fault() != null)
                        && e.status() == status
                        && e.path().contains("/reports/getM365AppUserDetail"))
                .count();
    }

    record Status(LocalDate latestDataDay, int daysIngested, int daysPending, List<LocalDate> pendingDays,
                  Instant nextCallAt, int callsInWindow, Instant throttledUntil) {
    }

    private volatile String lastAnswer;

    private Status status(ConnectedTenants.TestConnection c) {
        var response = given().auth().oauth2(operatorToken())
                .get("/usage/connections/" + c.connectionId() + "/ingestion");
        if (response.statusCode() != 200) {
            lastAnswer = response.statusCode() + " " + response.asString();
            return null;
        }
        JsonPath j = response.jsonPath();
        String latest = j.getString("latestDataDay");
        String next = j.getString("nextCallAt");
        String until = j.getString("throttledUntil");
        return new Status(latest == null ? null : LocalDate.parse(latest), j.getInt("daysIngested"),
                j.getInt("daysPending"), j.getList("pendingDays", String.class).stream().map(LocalDate::parse).toList(),
                next == null ? null : Instant.parse(next), j.getInt("callsInWindow"),
                until == null ? null : Instant.parse(until));
    }

    private Status awaitStatus(ConnectedTenants.TestConnection c, java.util.function.Predicate<Status> reached) {
        Status[] last = new Status[1];
        try {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(() -> {
                last[0] = status(c);
                return last[0] != null && reached.test(last[0]);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("ingestion did not get there; last status " + last[0] + " / " + lastAnswer, e);
        }
        return last[0];
    }

    private List<LocalDate> ingestedDaysInWindow(ConnectedTenants.TestConnection c, Status status) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = status.latestDataDay().minusDays(27); !d.isAfter(status.latestDataDay()); d = d.plusDays(1)) {
            if (db.count("SELECT count(*) FROM report_day WHERE connection_id = ? AND day = ? AND state = 'ingested'",
                    c.connectionId(), d) == 1) {
                days.add(d);
            }
        }
        return days;
    }

    private static io.restassured.response.Response get(String path) {
        var response = given().auth().oauth2(operatorToken()).get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.asString());
        return response;
    }

    static String operatorToken() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("operator"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
