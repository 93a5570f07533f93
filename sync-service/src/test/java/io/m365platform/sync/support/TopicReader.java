package io.m365platform.sync.support;

import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.ReadResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a topic like a fresh consumer would (from offset 0, or from given offsets, up to the end as of the call),
 * decoding each record with the contracts' CloudEvents reader, keeping only one connection's records.
 */
public final class TopicReader {

    private final String bootstrapServers;

    public TopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** One decoded record: the event, or null for a tombstone. */
    public record Entry(String key, PlatformEvent event, int partition, long offset) {
        public boolean tombstone() {
            return event == null;
        }
    }

    /** End offsets now, to read only what comes after. */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            return consumer.endOffsets(partitions);
        }
    }

    public List<Entry> read(String topic, String connectionId) {
        return read(topic, connectionId, Map.of());
    }

    /** Records of the connection from {@code from} (absent partitions: from the beginning) to the current end. */
    public List<Entry> read(String topic, String connectionId, Map<TopicPartition, Long> from) {
        CloudEventReader reader = new CloudEventReader();
        List<Entry> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition p : partitions) {
                consumer.seek(p, from.getOrDefault(p, 0L));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 30 s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.key() == null || !connectionId.equals(EventKey.connectionIdOf(r.key()))) {
                        continue;
                    }
                    ReadResult result = reader.read(r);
                    switch (result) {
                        case ReadResult.Accepted a -> out.add(new Entry(r.key(), a.envelope().data(), r.partition(), r.offset()));
                        case ReadResult.Tombstone t -> out.add(new Entry(r.key(), null, r.partition(), r.offset()));
                        case ReadResult.Rejected rejected -> throw new AssertionError(
                                "invalid record on " + topic + ": " + rejected.rejection().describe());
                    }
                }
            }
        }
        return out;
    }

    /**
     * What a consumer rebuilding state from the topic ends with: per key the latest event, keys whose latest record
     * is a tombstone removed.
     */
    public Map<String, PlatformEvent> replay(String topic, String connectionId) {
        Map<String, PlatformEvent> state = new LinkedHashMap<>();
        for (Entry e : read(topic, connectionId)) {
            if (e.tombstone()) {
                state.remove(e.key());
            } else {
                state.put(e.key(), e.event());
            }
        }
        return state;
    }

    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(p);
    }
}
