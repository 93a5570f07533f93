package io.m365platform.sync.publish;

import io.m365platform.contracts.PlatformEvent;

/**
 * Records sent together. Sending starts at once; {@link #await()} returns once the broker acknowledged every one
 * of them, so a caller can do other work (its database writes) while the records travel.
 */
public interface PublishBatch {

    /** Sends an event to its type's topic (CloudEvents binary mode, key = the event's Kafka key). */
    void publish(PlatformEvent event);

    /** Like {@link #publish(PlatformEvent)}, with a part of the event already serialised (the entity's state). */
    void publish(PlatformEvent event, io.m365platform.contracts.cloudevents.PreSerialized part);

    /**
     * Sends a deletion on a compacted topic: the deleted event (if the kind has one), then a tombstone for the same
     * key, in this order.
     */
    void publishDeletion(PlatformEvent deletedEvent, String topic, String key);

    /** Number of records sent through this batch. */
    int size();

    /** Blocks until every record was acknowledged; throws {@link PublishException} if any failed. */
    void await();
}
