package io.m365platform.connection.events;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.topics.Topic;

/**
 * How {@link OutboxRelay} publishes the outbox's rows (to Kafka, as CloudEvents: {@link KafkaOutboxPublisher}). Both
 * calls return once the broker acknowledged, so the relay marks a row published only after that.
 */
public interface OutboxPublisher {

    /** Publishes with the given CloudEvents id (the same id on every re-delivery of the same outbox row). */
    void publish(PlatformEvent event, String eventId) throws Exception;

    /** A record with a null value for {@code key}: compaction then removes the key from the topic. */
    void publishTombstone(Topic topic, String key) throws Exception;
}
