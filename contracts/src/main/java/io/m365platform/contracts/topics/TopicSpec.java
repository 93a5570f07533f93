package io.m365platform.contracts.topics;

import io.m365platform.contracts.EventType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of one topic, as the AsyncAPI document declares them.
 *
 * @param topic              the topic
 * @param title              short title
 * @param description        what the topic carries
 * @param keyPattern         the record key, e.g. {@code {connectionId}/{userId}}
 * @param partitions         recommended partition count (fixed at creation: changing it breaks key ordering)
 * @param replicas           recommended replication factor for production
 * @param partitionsGuidance why that partition count
 * @param configs            Kafka topic configs to set (cleanup.policy, retention.ms, delete.retention.ms...)
 * @param eventTypes         event types published to the topic
 */
public record TopicSpec(Topic topic, String title, String description, String keyPattern, int partitions,
                        int replicas, String partitionsGuidance, Map<String, String> configs,
                        List<EventType> eventTypes) {

    public TopicSpec {
        configs = Map.copyOf(configs);
        eventTypes = List.copyOf(eventTypes);
    }

    /** The Kafka topic name. */
    public String name() {
        return topic.topicName();
    }

    /** The {@code cleanup.policy} value, e.g. {@code compact}, {@code delete} or {@code compact,delete}. */
    public String cleanupPolicy() {
        return configs.getOrDefault("cleanup.policy", "delete");
    }

    /** True when the topic is compacted (latest record per key kept). */
    public boolean compacted() {
        return cleanupPolicy().contains("compact");
    }

    /** Time-based retention, or null when records are kept until compaction removes them. */
    public Duration retention() {
        String value = configs.get("retention.ms");
        return value == null || !cleanupPolicy().contains("delete") ? null : Duration.ofMillis(Long.parseLong(value));
    }
}
