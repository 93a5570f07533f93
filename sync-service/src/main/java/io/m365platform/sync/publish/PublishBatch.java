package io.m365platform.sync.publish;

import io.m365platform.contracts.PlatformEvent;

/** Records sent together; {@link #await()} returns once the broker acknowledged every one of them. */
public interface PublishBatch {

    /** Sends an event to its type's topic (CloudEvents binary mode, key = the event's Kafka key). */
    void publish(PlatformEvent event);

    /** Sends a tombstone (null value) for a key of a compacted topic. */
    void tombstone(String topic, String key);

    /** Number of records sent through this batch. */
    int size();

    /** Blocks until every record was acknowledged; throws {@link PublishException} if any failed. */
    void await();
}
