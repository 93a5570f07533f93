package io.m365platform.service.events;

import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.cloudevents.Rejection;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * Reads consumed records into typed events and dead-letters what cannot be used, so a consumer never stops on bad
 * input and never silently drops it. A consumer calls {@link #readOrDeadLetter} and handles only accepted events
 * and tombstones (a rejection has already been dead-lettered, with the whole record, when it returns), or
 * {@link #read} when it answers some rejections itself (action-service answers them with a rejection result).
 */
@ApplicationScoped
public class IncomingEvents {

    private static final Logger LOG = Logger.getLogger(IncomingEvents.class);
    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

    private final CloudEventReader reader = new CloudEventReader();
    private final EventPublisher publisher;
    private final MeterRegistry meters;
    private final String consumerName;
    private final Clock clock;

    @Inject
    public IncomingEvents(EventPublisher publisher, MeterRegistry meters,
                          @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this(publisher, meters, applicationName, Clock.systemUTC());
    }

    IncomingEvents(EventPublisher publisher, MeterRegistry meters, String consumerName, Clock clock) {
        this.publisher = publisher;
        this.meters = meters;
        this.consumerName = consumerName;
        this.clock = clock;
    }

    /** The record as an event, tombstone or rejection (nothing dead-lettered yet). */
    public ReadResult read(ConsumerRecord<String, byte[]> record) {
        ReadResult result = reader.read(record);
        meters.counter("platform.events.consumed", "topic", record.topic(), "outcome", outcome(result)).increment();
        return result;
    }

    /** The record as an event or tombstone; a rejected record is dead-lettered before this returns. */
    public ReadResult readOrDeadLetter(ConsumerRecord<String, byte[]> record) {
        ReadResult result = read(record);
        if (result instanceof ReadResult.Rejected rejected) {
            deadLetter(record, rejected.rejection());
        }
        return result;
    }

    /** Dead-letters a record the reader rejected. */
    public void deadLetter(ConsumerRecord<String, byte[]> record, Rejection rejection) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                rejection.describe());
        deadLetter(DeadLetter.of(record, rejection, consumerName, clock.instant()));
    }

    /** Dead-letters a record whose handling failed for a reason other than its content (kept whole for replay). */
    public void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String detail) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s (%s)", record.topic(), record.partition(), record.offset(), reason,
                detail);
        deadLetter(DeadLetter.of(record, reason, detail, consumerName, clock.instant()));
    }

    private void deadLetter(DeadLetter letter) {
        // Waiting here keeps the consumer from committing the offset of a record that is in neither place.
        EventPublisher.await(publisher.publish(letter), DEAD_LETTER_TIMEOUT);
    }

    private static String outcome(ReadResult result) {
        return switch (result) {
            case ReadResult.Accepted a -> "accepted";
            case ReadResult.Tombstone t -> "tombstone";
            case ReadResult.Rejected r -> "rejected";
        };
    }
}
