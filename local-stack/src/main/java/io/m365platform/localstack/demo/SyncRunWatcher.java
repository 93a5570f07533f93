package io.m365platform.localstack.demo;

import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.sync.SyncCompleted;
import io.m365platform.contracts.sync.SyncFailed;
import io.m365platform.contracts.sync.SyncHeld;
import io.m365platform.contracts.sync.SyncRunEvent;
import io.m365platform.contracts.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Follows {@code m365.sync.runs} from "now" (the end offsets when it is created) and finds the final event of a
 * sync run: completed, failed or held by the mass-deletion guard. Reads the events through the contracts'
 * CloudEvents reader, exactly as any consumer of the platform would.
 */
public final class SyncRunWatcher implements AutoCloseable {

    /** How the run ended: the SyncCompleted, SyncFailed or SyncHeld event. */
    public record Outcome(SyncRunEvent event) {
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

    /** Waits for the final event (completed, failed, held) of run {@code runId} of the connection. */
    public Optional<Outcome> awaitEnd(String connectionId, String runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                if (reader.read(record) instanceof ReadResult.Accepted accepted
                        && accepted.envelope().data() instanceof SyncRunEvent event
                        && connectionId.equals(event.connectionId()) && runId.equals(event.syncRunId())
                        && (event instanceof SyncCompleted || event instanceof SyncFailed || event instanceof SyncHeld)) {
                    return Optional.of(new Outcome(event));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
