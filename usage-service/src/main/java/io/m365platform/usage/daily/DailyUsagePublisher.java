package io.m365platform.usage.daily;

import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.contracts.usage.DailyAppUsage;
import io.m365platform.contracts.usage.IngestionDayIngested;
import io.m365platform.service.events.EventPublisher;
import io.m365platform.usage.reports.AppPlatformBits;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes ingested days to m365.usage.daily (compacted, key {@code {connectionId}/{userKey}/{day}}), one event per
 * user and day, after the day's transaction committed; a day is marked published only once Kafka has every record,
 * so a crash in between publishes it again (consumers see at-least-once, the compacted topic keeps one per key).
 * Each published day is followed by its {@code usage.ingestion.day-ingested} event on m365.usage.ingestion.
 */
@ApplicationScoped
public class DailyUsagePublisher {

    private static final int BATCH = 5_000;
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(60);

    private final AgroalDataSource dataSource;
    private final EventPublisher publisher;
    private final Clock clock;

    public DailyUsagePublisher(AgroalDataSource dataSource, EventPublisher publisher, Clock clock) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Publishes every ingested, unpublished day; returns the number of events sent. */
    public int publishPending() {
        int sent = 0;
        for (Object[] day : unpublishedDays()) {
            sent += publishDay((String) day[0], (String) day[1], (LocalDate) day[2], (String) day[3], (String) day[4]);
        }
        return sent;
    }

    /** Marks a connection's days unpublished, so the next poll publishes them again (re-publish on request). */
    public int republish(String connectionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE report_day SET published = false WHERE connection_id = ? AND state = 'ingested'")) {
            s.setString(1, connectionId);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark the days of " + connectionId + " for publishing", e);
        }
    }

    private List<Object[]> unpublishedDays() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT d.connection_id, s.tenant_id, d.day, coalesce(s.run_id, 'initial'), d.report FROM report_day d
                JOIN ingestion_state s ON s.connection_id = d.connection_id
                WHERE d.state = 'ingested' AND NOT d.published ORDER BY d.connection_id, d.day""");
             ResultSet r = s.executeQuery()) {
            List<Object[]> days = new ArrayList<>();
            while (r.next()) {
                days.add(new Object[] {r.getString(1), r.getString(2), r.getDate(3).toLocalDate(), r.getString(4),
                        r.getString(5)});
            }
            return days;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list unpublished days", e);
        }
    }

    /** Tombstones for the keys a re-ingested day no longer has; forgotten once Kafka has them. */
    private int publishRetractions(Connection c, String connectionId, LocalDate day) throws SQLException {
        List<ProducerRecord<String, byte[]>> tombstones = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT user_key FROM retracted_usage WHERE connection_id = ? AND day = ?")) {
            s.setString(1, connectionId);
            s.setDate(2, Date.valueOf(day));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tombstones.add(new ProducerRecord<>(Topics.USAGE_DAILY,
                            DailyAppUsage.key(connectionId, r.getString(1), day), null));
                }
            }
        }
        if (tombstones.isEmpty()) {
            return 0;
        }
        publisher.publishAndWait(tombstones, PUBLISH_TIMEOUT);
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM retracted_usage WHERE connection_id = ? AND day = ?")) {
            s.setString(1, connectionId);
            s.setDate(2, Date.valueOf(day));
            s.executeUpdate();
        }
        return tombstones.size();
    }

    private int publishDay(String connectionId, String tenantId, LocalDate day, String runId, String report) {
        Instant now = clock.instant();
        int sent = 0;
        int concealed = 0;
        int unmapped = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);   // lets the driver stream the rows with a fetch size
            // Held until the day is marked published: a user mapped meanwhile (DirectoryUsers) waits for it, then
            // marks the day unpublished again, instead of being overwritten by this mark.
            try (PreparedStatement lock = c.prepareStatement("SELECT day FROM report_day WHERE connection_id = ?"
                    + " AND day = ? AND state = 'ingested' FOR UPDATE")) {
                lock.setString(1, connectionId);
                lock.setDate(2, Date.valueOf(day));
                lock.executeQuery().close();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT user_key, user_id, reported_name, concealed, apps, last_activity_date
                    FROM daily_app_usage WHERE connection_id = ? AND day = ? ORDER BY user_key""")) {
                s.setFetchSize(BATCH);
                s.setString(1, connectionId);
                s.setDate(2, Date.valueOf(day));
                List<ProducerRecord<String, byte[]>> batch = new ArrayList<>(BATCH);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Date last = r.getDate(6);
                        if (r.getBoolean(4)) {
                            concealed++;
                        } else if (r.getString(2) == null) {
                            unmapped++;
                        }
                        batch.add(publisher.writer().record(new DailyAppUsage(connectionId, tenantId, day, day,
                                r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4),
                                AppPlatformBits.pairs(r.getInt(5)), last == null ? null : last.toLocalDate(),
                                runId, now)));
                        if (batch.size() == BATCH) {
                            publisher.publishAndWait(batch, PUBLISH_TIMEOUT);
                            sent += batch.size();
                            batch.clear();
                        }
                    }
                }
                publisher.publishAndWait(batch, PUBLISH_TIMEOUT);
                sent += batch.size();
            }
            int rows = sent;
            sent += publishRetractions(c, connectionId, day);
            // The run's day-ingested event follows the day's records and precedes the mark: a crash repeats it.
            EventPublisher.await(publisher.publish(new IngestionDayIngested(runId, connectionId, tenantId, report, day,
                    rows, concealed, unmapped, now)), PUBLISH_TIMEOUT);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE report_day SET published = true WHERE connection_id = ? AND day = ? AND state = 'ingested'")) {
                s.setString(1, connectionId);
                s.setDate(2, Date.valueOf(day));
                s.executeUpdate();
            }
            c.commit();
            return sent;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot publish " + day + " of " + connectionId, e);
        }
    }
}
