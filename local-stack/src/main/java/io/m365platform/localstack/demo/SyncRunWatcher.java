package io.m365platform.localstack.demo;

import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.sync.SyncCompleted;
import io.m365platform.contracts.sync.SyncFailed;
import io.m365platform.contracts.sync.SyncHeld;
import io.m365platform.contracts.sync.SyncProgress;
import io.m365platform.contracts.sync.SyncRunEvent;
import io.m365platform.contracts.sync.SyncStarted;
import io.m365platform.contracts.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Follows {@code m365.sync.runs} from "now" (the end offsets when it is created) and tells how a connection's
 * next sync run ends: completed, failed or held by the mass-deletion guard. Reads the events through the contracts'
 * CloudEvents reader, exactly as any consumer of the platform would.
 */
public final class SyncRunWatcher implements AutoCloseable {

    /** How the run ended; {@code event} is the SyncCompleted, SyncFailed or SyncHeld. */
    public record Outcome(SyncRunEvent event, SyncStarted started) {
        public boolean completed() {
            return event instanceof SyncCompleted;
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final CloudEventReader reader = new CloudEventReader();

    public SyncRunWatcher(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "local-stack-sync-watcher");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(Topic.SYNC_RUNS.topicName(), Duration.ofSeconds(10))) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix "now" before anything is requested
    }

    /**
     * Waits for the end of the connection's run that answers {@code requestId} (or, when the service merged the
     * request into a run already going, the first run of the connection that ends after {@code requestedAt}).
     */
    public Optional<Outcome> await(String connectionId, String requestId, Instant requestedAt, Duration timeout,
                                   Consumer<SyncProgress> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RunMatcher runs = new RunMatcher(requestId, requestedAt);
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                if (!(reader.read(record) instanceof ReadResult.Accepted accepted)
                        || !(accepted.envelope().data() instanceof SyncRunEvent event)
                        || !connectionId.equals(event.connectionId())) {
                    continue;
                }
                Optional<Instant> endedAt = switch (event) {
                    case SyncStarted s -> {
                        runs.started(s);
                        yield Optional.empty();
                    }
                    case SyncProgress p -> {
                        progress.accept(p);
                        yield Optional.empty();
                    }
                    case SyncCompleted c -> Optional.of(c.completedAt());
                    case SyncFailed f -> Optional.of(f.failedAt());
                    case SyncHeld h -> Optional.of(h.heldAt());
                    default -> Optional.empty();
                };
                if (endedAt.isPresent() && runs.isOurs(event.syncRunId(), endedAt.get())) {
                    return Optional.of(new Outcome(event, runs.mine));
                }
            }
        }
        return Optional.empty();
    }

    /** Which run answers the request: the one whose SyncStarted names it, else one of the connection's runs. */
    private static final class RunMatcher {
        private final String requestId;
        private final Instant requestedAt;
        private final Set<String> seen = new HashSet<>();
        private SyncStarted mine;

        RunMatcher(String requestId, Instant requestedAt) {
            this.requestId = requestId;
            this.requestedAt = requestedAt;
        }

        void started(SyncStarted s) {
            seen.add(s.syncRunId());
            if (requestId != null && requestId.equals(s.requestId())) {
                mine = s;
            }
        }

        boolean isOurs(String runId, Instant endedAt) {
            if (mine != null) {
                return mine.syncRunId().equals(runId);
            }
            return seen.contains(runId) || !endedAt.isBefore(requestedAt);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
