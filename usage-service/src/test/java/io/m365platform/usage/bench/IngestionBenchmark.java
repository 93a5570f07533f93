package io.m365platform.usage.bench;

import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.graph.request.GraphResponseStream;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.reports.ReportThrottle;
import io.m365platform.graphsim.reports.ReportsModule;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.testsupport.graph.ConnectedTenants;
import io.m365platform.testsupport.graph.InjectSimulator;
import io.m365platform.testsupport.graph.SimulatorResource;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.m365platform.usage.daily.DailyUsageStore;
import io.m365platform.usage.daily.DayOutcome;
import io.m365platform.usage.ingestion.IngestionPlanner;
import io.m365platform.usage.ingestion.Report;
import io.m365platform.usage.ingestion.ReportDay;
import io.m365platform.usage.ingestion.client.ReportsClient;
import io.m365platform.usage.reports.AppUserDetailCsv;
import io.m365platform.usage.support.SimulatorClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The 28-day backfill of a big tenant, measured: report calls made against the minimum the throttle allows, the
 * simulated wall time under the throttle, report rows parsed, and parsed + stored (COPY, mapping, day replacement)
 * per second, peak heap. Off by default; run with
 * {@code -Dtest=IngestionBenchmark -Dbench.usage-users=100000 -Dsurefire.failIfNoSpecifiedTests=false}.
 * Results go to {@code target/usage-benchmark.txt} and the log.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
@EnabledIfSystemProperty(named = "bench.usage-users", matches = "\\d+")
class IngestionBenchmark {

    @InjectSimulator
    GraphSimulator sim;

    @Inject
    ConnectedTenants connected;

    @Inject
    SimulatorClock clock;

    @Inject
    ReportsClient reports;

    @Inject
    DailyUsageStore store;

    @Inject
    IngestionPlanner planner;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void backfill() throws Exception {
        int users = Integer.getInteger("bench.usage-users");
        clock.follow(sim.clock());
        long t0 = System.nanoTime();
        Tenant tenant = sim.tenants().generate(new GenerationSpec(99, users, "bench"));
        tenant.displayConcealedNames(false);
        // The benchmark measures this service, not the wait: the simulator lets every call through, and the wall
        // time under Graph's throttle is computed from the calls.
        ReportsModule.of(sim).throttle().limit(tenant.id(), new ReportThrottle.Limit(1000, 1000, Duration.ofMinutes(10)));
        ConnectedTenants.TestConnection c = connected.register(tenant, Set.of("Reports.Read.All"),
                Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ);
        storeDirectory(c.connectionId(), tenant);
        double setupSeconds = (System.nanoTime() - t0) / 1e9;

        List<LocalDate> days = planner.daysToAsk();
        resetPeakHeap();
        long rows = 0;
        long parseNanos = 0;
        long storeNanos = 0;
        long fetchNanos = 0;
        long bytes = 0;
        int calls = 0;
        for (LocalDate day : days.reversed()) {
            long f = System.nanoTime();
            byte[] csv;
            try (GraphResponseStream body = reports.dayReport(c.connectionId(), tenant.id(),
                    Report.M365_APP_USER_DETAIL, day)) {
                csv = body.readAllBytes();
            }
            calls++;
            fetchNanos += System.nanoTime() - f;
            bytes += csv.length;
            long p = System.nanoTime();
            AppUserDetailCsv.read(new ByteArrayInputStream(csv), row -> { });
            parseNanos += System.nanoTime() - p;
            long s = System.nanoTime();
            DayOutcome outcome = store.storeDay(new ReportDay(c.connectionId(), tenant.id(),
                    Report.M365_APP_USER_DETAIL, day, 1), new ByteArrayInputStream(csv), Instant.now());
            storeNanos += System.nanoTime() - s;
            rows += outcome.rows();
        }
        long peakHeap = peakHeap();
        int minimumCalls = days.size();
        int windows = (days.size() + 13) / 14;
        String result = String.format(Locale.ROOT, """
                usage-service backfill benchmark (%s, %d CPUs, max heap %d MB)
                tenant: %d users (setup %.1f s: generation + directory projection)
                days asked: %d (today-28 .. today-2); report calls: %d; minimum under the throttle: %d (one per day)
                simulated wall time under Graph's throttle (14 calls / 10 min): %d windows = about %d min
                report rows: %d (%.1f MB of CSV); per day on average %d
                parse only (Jackson CSV by header name): %.2f s = %,.0f rows/s
                parse + store (COPY, UPN mapping in SQL, day replaced, queue row): %.2f s = %,.0f rows/s
                download from the simulator (302 + CSV, not counted above): %.2f s
                peak heap during the backfill: %d MB
                daily run afterwards: 1 report call per new day (~%d rows, ~%.2f s to store)
                """, Instant.now(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, users, setupSeconds, days.size(), calls, minimumCalls,
                windows, (windows - 1) * 10, rows, bytes / 1e6, rows / Math.max(1, calls), parseNanos / 1e9,
                rows / (parseNanos / 1e9), storeNanos / 1e9, rows / (storeNanos / 1e9), fetchNanos / 1e9,
                peakHeap >> 20, rows / Math.max(1, calls), storeNanos / 1e9 / Math.max(1, calls));
        Files.writeString(Path.of("target", "usage-benchmark.txt"), result);
        System.out.println(result);
    }

    /** The directory projection as sync-service's topics would fill it, written directly (setup, not measured). */
    private void storeDirectory(String connectionId, Tenant tenant) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO directory_user (connection_id, user_id, user_principal_name, upn_lower, display_name,
                                            account_enabled, observed_at) VALUES (?, ?, ?, ?, ?, true, ?)""")) {
            int n = 0;
            for (User u : tenant.users().list()) {
                s.setString(1, connectionId);
                s.setString(2, u.id());
                s.setString(3, u.userPrincipalName());
                s.setString(4, u.userPrincipalName().toLowerCase(Locale.ROOT));
                s.setString(5, u.displayName());
                s.setTimestamp(6, Timestamp.from(Instant.now()));
                s.addBatch();
                if (++n % 5000 == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
