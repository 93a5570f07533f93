package io.m365platform.sync.publish;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.service.events.EventPublisher;
import io.m365platform.service.events.EventPublishingException;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EventSink} on the platform's {@link EventPublisher} (service-commons: one idempotent, acks=all, lingering
 * and compressed producer; events encoded and schema-checked by the contracts' CloudEvents writer). A batch is sent
 * and awaited as a whole.
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

    private final class Batch implements PublishBatch {
        private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();

        @Override
        public void publish(PlatformEvent event) {
            records.add(publisher.writer().record(event));
        }

        @Override
        public void tombstone(String topic, String key) {
            records.add(new ProducerRecord<>(topic, null, key, null));
        }

        @Override
        public int size() {
            return records.size();
        }

        @Override
        public void await() {
            if (records.isEmpty()) {
                return;
            }
            try {
                publisher.publishAndWait(records, ackTimeout);
            } catch (EventPublishingException e) {
                throw new PublishException(e.getMessage(), e);
            }
            records.clear();
        }
    }
}
