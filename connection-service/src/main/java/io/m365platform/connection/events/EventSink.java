package io.m365platform.connection.events;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.topics.Topic;

/** Where the outbox relay delivers events: Kafka, as CloudEvents. Both calls return once the broker acknowledged. */
public interface EventSink {

    /** Publishes with the given CloudEvents id (the same id on every re-delivery of the same outbox row). */
    void publish(PlatformEvent event, String eventId) throws Exception;

    /** A record with a null value for {@code key}: compaction then removes the key from the topic. */
    void publishTombstone(Topic topic, String key) throws Exception;
}
