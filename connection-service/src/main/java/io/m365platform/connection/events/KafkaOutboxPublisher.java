package io.m365platform.connection.events;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.service.events.EventPublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * Publishes outbox rows through the platform's {@link EventPublisher} (CloudEvents binary mode, schema-validated by
 * the contracts' writer, idempotent acks=all producer), keeping the outbox row's event id as {@code ce_id}.
 */
@ApplicationScoped
public class KafkaOutboxPublisher implements OutboxPublisher {

    private final EventPublisher publisher;
    private final Duration sendTimeout;

    public KafkaOutboxPublisher(EventPublisher publisher, OutboxSettings settings) {
        this.publisher = publisher;
        this.sendTimeout = settings.sendTimeout();
    }

    @Override
    public void publish(PlatformEvent event, String eventId) {
        publisher.publishAndWait(List.of(publisher.writer().record(event, eventId)), sendTimeout);
    }

    @Override
    public void publishTombstone(Topic topic, String key) {
        publisher.publishAndWait(List.of(publisher.writer().tombstone(topic, key)), sendTimeout);
    }
}
