package io.m365platform.action.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.action.ActionResultEvent;
import io.m365platform.service.events.EventPublisher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the results in {@code result_outbox} to {@code m365.actions.results} and deletes them once Kafka has
 * them (acks=all). Rows are locked while they are published ({@code FOR UPDATE SKIP LOCKED}), so two instances never
 * publish the same result; a crash between publish and delete publishes it again (results are keyed by action id:
 * consumers treat a repeat as the same answer). An unreadable row is published as nothing and logged, never blocking
 * the rows after it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final ObjectMapper JSON = EventJson.mapper();
    private static final int BATCH = 500;
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);
    private static final long IDLE_POLL_MILLIS = 1_000;

    private final AgroalDataSource dataSource;
    private final EventPublisher publisher;
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean nudged;
    private Thread loop;

    public OutboxRelay(AgroalDataSource dataSource, EventPublisher publisher) {
        this.dataSource = dataSource;
        this.publisher = publisher;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        loop = Thread.ofPlatform().name("action-results-relay").daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (loop != null) {
            try {
                loop.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A result was queued: publish without waiting for the poll. */
    public void wake() {
        synchronized (signal) {
            nudged = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                if (publishBatch() < BATCH) {
                    await(IDLE_POLL_MILLIS);
                }
            } catch (RuntimeException | SQLException e) {
                LOG.warnf("Publishing action results failed (%s); trying again shortly", e.getMessage());
                await(IDLE_POLL_MILLIS);
            }
        }
    }

    /** Publishes up to one batch; the number of rows handled. */
    int publishBatch() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT id, event_type, payload FROM result_outbox"
                        + " ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED");
                     ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                        ActionResultEvent event = read(r.getLong(1), r.getString(2), r.getString(3));
                        if (event != null) {
                            records.add(publisher.writer().record(event));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                publisher.publishAndWait(records, PUBLISH_TIMEOUT);
                try (PreparedStatement d = c.prepareStatement("DELETE FROM result_outbox WHERE id = ANY (?)")) {
                    d.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    d.executeUpdate();
                }
                c.commit();
                return ids.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static ActionResultEvent read(long id, String type, String payload) {
        Class<? extends ActionResultEvent> cls = ResultOutbox.TYPES.get(type);
        try {
            return JSON.readValue(payload, cls);
        } catch (Exception e) {
            LOG.errorf("result_outbox row %d (%s) is unreadable and is dropped: %s", id, type, e.getMessage());
            return null;
        }
    }

    private void await(long millis) {
        synchronized (signal) {
            if (!nudged && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            nudged = false;
        }
    }
}
