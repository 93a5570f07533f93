package io.m365platform.connection.support;

import io.m365platform.contracts.connection.ConnectionCreated;
import io.m365platform.contracts.connection.ConnectionCredentialsRotated;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.ConnectionState;
import io.m365platform.contracts.connection.ConnectionStatusChanged;
import io.m365platform.contracts.connection.ConnectionUpdated;
import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.EventEnvelope;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Everything published on {@code m365.connections} during the test run, read by one background consumer (assigned
 * to every partition, no consumer group: no rebalancing delays) through the contracts' CloudEvents reader, so every
 * event is also checked against its schema. Raw values are kept for the secret scan.
 */
public final class ConnectionEventLog {

    private static ConnectionEventLog instance;

    private final List<ReadResult> results = new ArrayList<>();
    private final List<String> rawValues = new ArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private ConnectionEventLog(String bootstrap) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(Topics.CONNECTIONS, Duration.ofSeconds(20))) {
            partitions.add(new TopicPartition(p.topic(), p.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        CloudEventReader reader = new CloudEventReader();
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        ReadResult result = reader.read(r);
                        synchronized (this) {
                            results.add(result);
                            rawValues.add(r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8));
                            r.headers().forEach(h -> rawValues.add(new String(h.value(), StandardCharsets.UTF_8)));
                            notifyAll();
                        }
                    }
                }
            }
        }, "connection-event-log");
        poller.setDaemon(true);
        poller.start();
    }

    public static synchronized ConnectionEventLog start(String bootstrap) {
        if (instance == null) {
            instance = new ConnectionEventLog(bootstrap);
        }
        return instance;
    }

    /** Waits for an event of this short type (e.g. {@code status-changed}) of the connection matching the condition. */
    public EventView await(String connectionId, String type, Predicate<EventView> condition) {
        long deadline = System.currentTimeMillis() + 15_000;
        synchronized (this) {
            while (true) {
                for (EventView e : views(connectionId)) {
                    if (e.type().equals(type) && condition.test(e)) {
                        return e;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    fail("no " + type + " event for connection " + connectionId + " matched; had "
                            + views(connectionId) + ", rejected: " + rejected());
                }
                try {
                    wait(left);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    public EventView await(String connectionId, String type) {
        return await(connectionId, type, x -> true);
    }

    /** Waits for the status-changed event that brought the connection into {@code status}. */
    public EventView awaitStatus(String connectionId, String status) {
        return await(connectionId, "status-changed", e -> e.status().equals(status));
    }

    /** Waits for the tombstone of a connection's key. */
    public void awaitTombstone(String key) {
        long deadline = System.currentTimeMillis() + 15_000;
        synchronized (this) {
            while (results.stream().noneMatch(r -> r instanceof ReadResult.Tombstone t && t.key().equals(key))) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    fail("no tombstone for " + key);
                }
                try {
                    wait(left);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    public synchronized List<EventEnvelope> accepted(String connectionId) {
        return results.stream().filter(r -> r instanceof ReadResult.Accepted).map(r -> ((ReadResult.Accepted) r).envelope())
                .filter(e -> connectionId.equals(e.connectionId())).toList();
    }

    /** Short types of the events of a connection, in publication order. */
    public synchronized List<String> types(String connectionId) {
        return views(connectionId).stream().map(EventView::type).toList();
    }

    public synchronized List<EventView> views(String connectionId) {
        return accepted(connectionId).stream().map(ConnectionEventLog::view).toList();
    }

    private static EventView view(EventEnvelope e) {
        String type = e.type().type().substring("io.m365platform.connection.".length()).replace(".v1", "");
        return switch (e.data()) {
            case ConnectionCreated c -> view(type, c.connection(), null, null, c.createdBy());
            case ConnectionUpdated u -> view(type, u.connection(), null, u.changedFields(), u.updatedBy());
            case ConnectionCredentialsRotated r -> view(type, r.connection(), null, null, r.rotatedBy());
            case ConnectionStatusChanged s -> view(type, s.connection(), s.previousStatus().wireName(), null, null);
            case ConnectionDeleted d -> new EventView(type, "deleted", null, null, null, d.tenantId(), null, List.of(),
                    List.of(), List.of(), d.deletedBy(), null);
            default -> throw new IllegalStateException("not a connection event: " + e.type());
        };
    }

    private static EventView view(String type, ConnectionState s, String previous, List<String> changed, String by) {
        return new EventView(type, s.status().wireName(), previous, s.statusReason(), s.fix(), s.tenantId(),
                s.permissionLevel().wireName(), s.grantedPermissions(), s.missingPermissions(),
                changed == null ? List.of() : changed, by, s.secretExpiresAt());
    }

    public synchronized List<String> rejected() {
        return results.stream().filter(r -> r instanceof ReadResult.Rejected)
                .map(r -> ((ReadResult.Rejected) r).rejection().describe()).toList();
    }

    /** Every value and header published so far, as text (for the secret scan). */
    public synchronized String allRawText() {
        return String.join("\n", rawValues);
    }

    /** Waits briefly so that events published by a request that just returned have arrived. */
    public void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
