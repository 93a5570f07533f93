package io.m365platform.localstack.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads topics from the beginning to their current end (no consumer group, nothing committed) and counts, per
 * topic, the records and the distinct live keys of one connection: what a consumer replaying the topic would end
 * with. This is the summary's independent check that the sync really reached Kafka.
 */
public final class TopicCensus {

    /** Per topic: records of the connection, distinct keys whose latest record is not a tombstone. */
    public record Count(long records, long liveKeys) {
    }

    private TopicCensus() {
    }

    public static Map<String, Count> count(String bootstrapServers, List<String> topics, String keyPrefix) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "local-stack-census");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, Count> counts = new LinkedHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            for (String topic : topics) {
                counts.put(topic, countTopic(consumer, topic, keyPrefix));
            }
        }
        return counts;
    }

    private static Count countTopic(KafkaConsumer<String, byte[]> consumer, String topic, String keyPrefix) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        Set<String> live = new HashSet<>();
        long records = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!reachedEnd(consumer, end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.key() == null || !record.key().startsWith(keyPrefix)) {
                    continue;
                }
                records++;
                if (record.value() == null) {
                    live.remove(record.key());
                } else {
                    live.add(record.key());
                }
            }
        }
        return new Count(records, live.size());
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
