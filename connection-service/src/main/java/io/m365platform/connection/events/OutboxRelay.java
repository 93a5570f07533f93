package io.m365platform.connection.events;

import io.m365platform.connection.store.StoreException;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.EventType;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.cloudevents.InvalidEventException;
import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.topics.Topic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers outbox rows to Kafka in insertion order. One instance relays at a time (a PostgreSQL advisory lock held
 * for the batch's transaction), so the events of one connection keep their order; a failed delivery stops the batch
 * and is retried by the next poll: nothing is lost, duplicates are possible (consumers are idempotent).
 *
 * <p>A row that can never be delivered (unknown topic or event type, a payload that does not map to its event or
 * fails its schema) does not block the rows behind it: it is set aside ({@code failed_at}, {@code failure}) and
 * dead-lettered whole on {@code m365.dead-letter} (original topic {@value #OUTBOX_SOURCE}, offset = the row's id),
 * and the relay goes on. Connection events carry the connection's whole state, so the next event of the same
 * connection supersedes the lost one.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed key of the advisory lock (the schema is the service's own). */
    private static final long LOCK_KEY = 0x636f6e6e6f75L;
    private static final int BATCH = 200;
    /** The dead letters' "original topic" of rows that never reached Kafka. */
    static final String OUTBOX_SOURCE = "connection-service.outbox";

    private final DataSource dataSource;
    private final OutboxPublisher publisher;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final ExecutorService kicker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean kickPending = new AtomicBoolean();

    public OutboxRelay(DataSource dataSource, OutboxPublisher publisher, Clock clock,
            TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Relays soon after the current transaction commits (or now, outside a transaction). */
    void kickAfterCommit() {
        if (transactions.getTransactionKey() == null) {
            kick();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    kick();
                }
            }
        });
    }

    private void kick() {
        if (kickPending.compareAndSet(false, true)) {
            kicker.execute(() -> {
                kickPending.set(false);
                try {
                    relayAll();
                } catch (RuntimeException e) {
                    LOG.warnf("Outbox relay failed, the next poll retries: %s", e.getMessage());
                }
            });
        }
    }

    @Scheduled(every = "${connection.outbox.poll-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            relayAll();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay failed, the next poll retries: %s", e.getMessage());
        }
    }

    @Scheduled(every = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (java.sql.Connection db = dataSource.getConnection();
                 PreparedStatement s = db.prepareStatement("delete from outbox where published_at < ?")) {
                s.setTimestamp(1, Timestamp.from(clock.instant().minus(Duration.ofDays(7))));
                s.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("cannot purge the outbox", e);
            }
        });
    }

    /** Relays until the outbox is empty or a delivery fails; returns the number of rows delivered. */
    public synchronized int relayAll() {
        int total = 0;
        while (true) {
            int n = QuarkusTransaction.requiringNew().call(this::relayBatch);
            total += n;
            if (n < BATCH) {
                return total;
            }
        }
    }

    private record Row(long id, String eventId, String topic, String type, String key, String payload) {
    }

    /** The row's content is the problem: no retry can deliver it. */
    private static final class UnreadableRowException extends Exception {
        UnreadableRowException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private int relayBatch() throws SQLException {
        try (java.sql.Connection db = dataSource.getConnection()) {
            try (PreparedStatement lock = db.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet r = lock.executeQuery()) {
                    if (!r.next() || !r.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("select id, event_id, topic, event_type, kafka_key, payload::text"
                    + " from outbox where published_at is null and failed_at is null order by id limit " + BATCH)) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                r.getString(6)));
                    }
                }
            }
            List<Long> delivered = new ArrayList<>();
            int handled = 0;
            for (Row row : rows) {
                try {
                    deliver(row);
                    delivered.add(row.id());
                } catch (UnreadableRowException e) {
                    LOG.errorf("Outbox event %d (%s) can never be delivered: %s; dead-lettering it", row.id(),
                            row.type(), e.getMessage());
                    try {
                        setAside(db, row, e);
                    } catch (Exception deadLetterFailure) {
                        LOG.warnf("Could not dead-letter outbox event %d: %s", row.id(), deadLetterFailure.getMessage());
                        break;
                    }
                } catch (Exception e) {
                    LOG.warnf("Could not deliver outbox event %d (%s): %s", row.id(), row.type(), e.getMessage());
                    break;
                }
                handled++;
            }
            if (!delivered.isEmpty()) {
                try (PreparedStatement s = db.prepareStatement("update outbox set published_at = ? where id = any(?)")) {
                    s.setTimestamp(1, Timestamp.from(clock.instant()));
                    s.setArray(2, db.createArrayOf("bigint", delivered.toArray()));
                    s.executeUpdate();
                }
            }
            return handled < rows.size() ? 0 : handled;
        }
    }

    private void deliver(Row row) throws Exception {
        Topic topic = Topic.byName(row.topic()).orElseThrow(() -> new UnreadableRowException(
                "unknown topic " + row.topic(), null));
        if (row.payload() == null) {
            publisher.publishTombstone(topic, row.key());
            return;
        }
        EventType type = EventType.fromType(row.type()).orElseThrow(() -> new UnreadableRowException(
                "unknown event type " + row.type(), null));
        PlatformEvent event;
        try {
            event = EventJson.mapper().readValue(row.payload(), type.dataClass());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableRowException("the payload is not a " + row.type() + ": " + e.getMessage(), e);
        }
        try {
            publisher.publish(event, row.eventId());
        } catch (InvalidEventException e) {
            throw new UnreadableRowException("the event fails its schema: " + e.getMessage(), e);
        }
    }

    /** Dead-letters the row whole, then marks it failed (a crash in between dead-letters it again: harmless). */
    private void setAside(java.sql.Connection db, Row row, UnreadableRowException reason) throws Exception {
        byte[] value = row.payload() == null ? null : row.payload().getBytes(StandardCharsets.UTF_8);
        Headers headers = new RecordHeaders().add("ce_type", row.type() == null ? new byte[0]
                : row.type().getBytes(StandardCharsets.UTF_8));
        publisher.publish(DeadLetter.of(OUTBOX_SOURCE, 0, row.id(), null, row.key(), headers, value,
                "outbox-row-unreadable", "outbox row " + row.id() + " for " + row.topic() + ", never published: "
                        + reason.getMessage(), "connection-service", clock.instant()), UUID.randomUUID().toString());
        try (PreparedStatement s = db.prepareStatement("update outbox set failed_at = ?, failure = ? where id = ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setString(2, reason.getMessage());
            s.setLong(3, row.id());
            s.executeUpdate();
        }
    }

    void shutdown(@Observes ShutdownEvent event) {
        kicker.shutdownNow();
    }
}
