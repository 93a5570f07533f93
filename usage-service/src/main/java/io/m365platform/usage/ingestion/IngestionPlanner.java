package io.m365platform.usage.ingestion;

import io.agroal.api.AgroalDataSource;
import io.m365platform.usage.config.UsageConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the report days of every connection that may read reports (connected, Reports.Read.All granted): each day
 * from the oldest Graph still serves (today − 28) to the newest worth asking (today − 2) gets a queue row once. The
 * first time that is the 28-day backfill; afterwards it adds one day per day. Ingestion data of connections that
 * were deleted is forgotten.
 */
@ApplicationScoped
public class IngestionPlanner {

    /** The permission that allows reading usage reports (GRAPH_FACTS §8). */
    public static final String REPORTS_READ = "Reports.Read.All";

    private final AgroalDataSource dataSource;
    private final ReportDayQueue queue;
    private final UsageConfig.Ingestion config;
    private final Clock clock;

    public IngestionPlanner(AgroalDataSource dataSource, ReportDayQueue queue, UsageConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.queue = queue;
        this.config = config.ingestion();
        this.clock = clock;
    }

    /** Plans every eligible connection; returns how many new days were queued. */
    public int planAll() {
        forgetDeletedConnections();
        int planned = 0;
        for (String[] connection : eligibleConnections()) {
            planned += queue.plan(connection[0], connection[1], Report.M365_APP_USER_DETAIL, daysToAsk(),
                    clock.instant());
        }
        return planned;
    }

    /** The days Graph's date= form serves that may have data: today − 28 … today − 2 (newest last). */
    public List<LocalDate> daysToAsk() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (int back = config.dateFormDays(); back >= config.newestDayLag(); back--) {
            days.add(today.minusDays(back));
        }
        return days;
    }

    private List<String[]> eligibleConnections() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT connection_id, tenant_id FROM tracked_connection
                WHERE status = 'connected' AND ? = ANY (permissions) ORDER BY connection_id""")) {
            s.setString(1, REPORTS_READ);
            try (ResultSet r = s.executeQuery()) {
                List<String[]> result = new ArrayList<>();
                while (r.next()) {
                    result.add(new String[] {r.getString(1), r.getString(2)});
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the connections to ingest", e);
        }
    }

    private void forgetDeletedConnections() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT connection_id FROM ingestion_state s
                WHERE NOT EXISTS (SELECT 1 FROM tracked_connection t WHERE t.connection_id = s.connection_id)""");
             ResultSet r = s.executeQuery()) {
            List<String> gone = new ArrayList<>();
            while (r.next()) {
                gone.add(r.getString(1));
            }
            gone.forEach(queue::forget);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find deleted connections", e);
        }
    }
}
