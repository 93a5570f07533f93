package io.m365platform.sync.publish;

/**
 * Where sync-service publishes its events. A run publishes a page's events as one {@link PublishBatch} and waits for
 * the broker's acknowledgement of all of them before it commits the page's checkpoint: an event can be published
 * twice (after a crash between the two) but never lost.
 */
public interface EventSink {

    PublishBatch newBatch();
}
