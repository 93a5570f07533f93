package io.m365platform.usage.ingestion;

import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.usage.IngestionCompleted;
import io.m365platform.contracts.usage.IngestionFailed;
import io.m365platform.contracts.usage.IngestionStarted;
import io.m365platform.contracts.usage.IngestionThrottled;
import io.m365platform.contracts.usage.UsageStatusChanged;
import io.m365platform.service.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of m365.usage.ingestion. A run is what one planning step queued for a connection (the first backfill,
 * the next new day, a re-ingestion: {@code ingestion_state.run_id}). Started (at the run's first report call) and
 * completed (every day settled and published, days Graph has not processed yet excepted) are published before their
 * marker in {@code ingestion_state} is written, and the status change before the announced concealment is: a crash
 * in between repeats the event, never loses it. Throttled and failed follow the day's state change right after it is
 * committed (the state is never held back by Kafka). Day-ingested events go out with the day's usage records
 * ({@link io.m365platform.usage.daily.DailyUsagePublisher}).
 */
@ApplicationScoped
public class IngestionEvents {

    private static final Logger LOG = Logger.getLogger(IngestionEvents.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final AgroalDataSource dataSource;
    private final EventPublisher publisher;
    private final Clock clock;

    public IngestionEvents(AgroalDataSource dataSource, EventPublisher publisher, Clock clock) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Before a claimed day's call: the run's started event, once per run. */
    public void beforeCall(ReportDay day) {
        try (Connection c = dataSource.getConnection()) {
            String runId;
            int pending;
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT s.run_id, (SELECT count(*) FROM report_day d WHERE d.connection_id = s.connection_id
                                      AND d.report = ? AND d.state = 'pending')
                    FROM ingestion_state s
                    WHERE s.connection_id = ? AND s.run_id IS NOT NULL AND s.run_id IS DISTINCT FROM s.run_announced""")) {
                s.setString(1, day.report());
                s.setString(2, day.connectionId());
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return;
                    }
                    runId = r.getString(1);
                    pending = r.getInt(2);
                }
            }
            Instant now = clock.instant();
            send(new IngestionStarted(runId, day.connectionId(), day.tenantId(), day.report(), pending, now));
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE ingestion_state SET run_announced = ?, run_started_at = ?, updated_at = now()
                    WHERE connection_id = ? AND run_id = ?""")) {
                s.setString(1, runId);
                s.setTimestamp(2, Timestamp.from(now));
                s.setString(3, day.connectionId());
                s.setString(4, runId);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot announce the ingestion run of " + day.connectionId(), e);
        }
    }

    /** After a day's call was settled and committed: throttled or failed (stored days go out with their records). */
    public void afterCall(ReportDay day, DayResult result, Instant retryAt) {
        try {
            switch (result) {
                case DayResult.Throttled t -> send(new IngestionThrottled(runId(day.connectionId()),
                        day.connectionId(), day.tenantId(), day.report(), day.day(), t.until(),
                        "Graph answered 429: report calls of the connection wait until " + t.until(),
                        clock.instant()));
                case DayResult.Failed f -> send(new IngestionFailed(runId(day.connectionId()), day.connectionId(),
                        day.tenantId(), day.report(), day.day(), f.reason(), true, retryAt, clock.instant()));
                default -> {
                }
            }
        } catch (RuntimeException e) {
            // The day's state is committed and shown by GET …/ingestion; the event is not worth failing the poll.
            LOG.warnf(e, "Cannot publish the ingestion event of %s", day);
        }
    }

    /** Completed events of the runs whose days are all settled and published; returns how many were sent. */
    public int publishCompleted() {
        List<Object[]> done = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT s.connection_id, s.tenant_id, s.run_id, s.run_started_at,
                       count(*) FILTER (WHERE d.state = 'ingested'),
                       count(*) FILTER (WHERE d.state = 'unavailable'),
                       count(*) FILTER (WHERE d.state = 'pending'), min(d.report)
                FROM ingestion_state s JOIN report_day d ON d.connection_id = s.connection_id
                WHERE s.run_id = s.run_announced AND s.run_closed IS DISTINCT FROM s.run_id
                  AND s.latest_data_day IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM report_day p WHERE p.connection_id = s.connection_id
                                  AND ((p.state = 'pending' AND p.day <= s.latest_data_day)
                                       OR (p.state = 'ingested' AND NOT p.published)))
                GROUP BY s.connection_id, s.tenant_id, s.run_id, s.run_started_at""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Timestamp started = r.getTimestamp(4);
                done.add(new Object[] {r.getString(1), r.getString(2), r.getString(3),
                        started == null ? clock.instant() : started.toInstant(), r.getInt(5), r.getInt(6),
                        r.getInt(7), r.getString(8)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find completed ingestion runs", e);
        }
        for (Object[] run : done) {
            String connectionId = (String) run[0];
            String runId = (String) run[2];
            send(new IngestionCompleted(runId, connectionId, (String) run[1], (String) run[7], (Instant) run[3],
                    clock.instant(), (Integer) run[4], (Integer) run[5], (Integer) run[6]));
            update("UPDATE ingestion_state SET run_closed = ?, updated_at = now() WHERE connection_id = ? AND run_id = ?",
                    runId, connectionId, runId);
        }
        return done.size();
    }

    /** A status event for every connection whose concealment differs from what was last announced. */
    public int publishStatusChanges() {
        List<Object[]> changed = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT connection_id, tenant_id, concealed, unconceal_opt_in FROM ingestion_state
                WHERE concealed <> concealed_announced ORDER BY connection_id""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                changed.add(new Object[] {r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find usage status changes", e);
        }
        for (Object[] status : changed) {
            boolean concealed = (Boolean) status[2];
            send(new UsageStatusChanged((String) status[0], (String) status[1], concealed,
                    concealed ? Concealment.FIX : null, (Boolean) status[3], clock.instant()));
            update("UPDATE ingestion_state SET concealed_announced = ? WHERE connection_id = ? AND concealed = ?",
                    concealed, status[0], concealed);
        }
        return changed.size();
    }

    private String runId(String connectionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(run_id, 'initial') FROM ingestion_state WHERE connection_id = ?")) {
            s.setString(1, connectionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "initial";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the run of " + connectionId, e);
        }
    }

    private void send(PlatformEvent event) {
        EventPublisher.await(publisher.publish(event), PUBLISH_TIMEOUT);
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a published ingestion event", e);
        }
    }
}
