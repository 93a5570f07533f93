package io.m365platform.sync.publish;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.cloudevents.PreSerialized;
import io.m365platform.service.events.EventPublisher;
import io.m365platform.service.events.EventPublishingException;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link EventSink} on the platform's {@link EventPublisher} (service-commons: one idempotent, acks=all, lingering
 * and compressed producer; events encoded and schema-checked by the contracts' CloudEvents writer). Records are
 * handed to the producer as they come; a batch is acknowledged as a whole.
 */
public final class EventPublisherSink implements EventSink {

    private final EventPublisher publisher;
    private final Duration ackTimeout;

    public EventPublisherSink(EventPublisher publisher, Duration ackTimeout) {
        this.publisher = publisher;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public PublishBatch newBatch() {
        return new Batch();
    }

    /** Thread-safe: a page's events may be encoded and handed over from several threads. */
    private final class Batch implements PublishBatch {
        private final List<CompletableFuture<?>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicInteger records = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public void publish(PlatformEvent event) {
            publish(event, null);
        }

        @Override
        public void publish(PlatformEvent event, PreSerialized part) {
            try {
                sent.add(part == null ? publisher.publish(event) : publisher.publish(event, part));
                records.incrementAndGet();
            } catch (RuntimeException e) {
                throw new PublishException("could not send " + event.eventType().type() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void publishDeletion(PlatformEvent deletedEvent, String topic, String key) {
            try {
                if (deletedEvent != null) {
                    sent.add(publisher.publishDeletion(deletedEvent));
                } else {
                    // Kinds without a deleted event (the organization): the tombstone alone, sent and awaited now.
                    publisher.publishAndWait(List.of(new ProducerRecord<>(topic, null, key, null)), ackTimeout);
                }
                records.addAndGet(deletedEvent != null ? 2 : 1);
            } catch (EventPublishingException e) {
                throw new PublishException(e.getMessage(), e);
            }
        }

        @Override
        public int size() {
            return records.get();
        }

        @Override
        public void await() {
            if (sent.isEmpty()) {
                return;
            }
            CompletableFuture<?>[] all;
            synchronized (sent) {
                all = sent.toArray(CompletableFuture[]::new);
            }
            try {
                EventPublisher.await(CompletableFuture.allOf(all), ackTimeout);
            } catch (EventPublishingException e) {
                throw new PublishException(e.getMessage(), e);
            }
            sent.clear();
        }
    }
}
