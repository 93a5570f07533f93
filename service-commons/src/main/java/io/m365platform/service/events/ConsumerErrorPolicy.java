package io.m365platform.service.events;

import io.m365platform.contracts.cloudevents.ReadResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The one error policy of every Kafka consumer of the platform (DESIGN: "Consuming events: one error policy").
 * A consumer's {@code @Incoming} method hands each record to {@link #process}:
 * <ul>
 *   <li>a <b>transient</b> failure (database or broker unreachable, timeouts; see {@link FailureClassifier}) is waited
 *   out: the handler runs again after a growing pause, as long as it takes, and the method does not return, so the
 *   offset is not committed and nothing behind the record overtakes it; readiness is DOWN meanwhile
 *   ({@link ConsumerBackoffHealth});</li>
 *   <li>a <b>permanent</b> failure (the record's content, a value the database refuses) dead-letters the record whole,
 *   with the reason, and returns: the consumer goes on with the next record.</li>
 * </ul>
 * Handlers must therefore be idempotent per record (they are anyway: delivery is at least once) and must not
 * swallow infrastructure exceptions. Most consumers need only {@link #processEvents}: their events and tombstones.
 */
@ApplicationScoped
public class ConsumerErrorPolicy {

    private static final Logger LOG = Logger.getLogger(ConsumerErrorPolicy.class);

    private final IncomingEvents incoming;
    private final ConsumerBackoffHealth health;
    private final MeterRegistry meters;
    private final Settings settings;

    public ConsumerErrorPolicy(IncomingEvents incoming, ConsumerBackoffHealth health, MeterRegistry meters,
                               Settings settings) {
        this.incoming = incoming;
        this.health = health;
        this.meters = meters;
        this.settings = settings;
    }

    /** Runs the handler on the record under the policy; returns once it is handled or dead-lettered. */
    public void process(ConsumerRecord<String, byte[]> record, RecordHandler handler) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        Duration pause = settings.retryInitial();
        try {
            while (true) {
                try {
                    handler.handle(record);
                    return;
                } catch (RuntimeException failure) {
                    if (FailureClassifier.classify(failure) == FailureKind.PERMANENT) {
                        deadLetterWaitingOutOutages(record, failure, where);
                        return;
                    }
                    health.waiting(where, failure);
                    meters.counter("platform.events.consume.retries", "topic", record.topic()).increment();
                    LOG.warnf("Handling %s failed on infrastructure (%s: %s); retrying in %s, offset not committed",
                            where, failure.getClass().getSimpleName(), failure.getMessage(), pause);
                    sleep(pause);
                    pause = next(pause);
                }
            }
        } finally {
            health.done(where);
        }
    }

    private void deadLetterWaitingOutOutages(ConsumerRecord<String, byte[]> record, RuntimeException failure,
                                             String where) {
        LOG.errorf(failure, "Handling %s failed on the record's content; dead-lettering it", where);
        Duration pause = settings.retryInitial();
        while (true) {
            try {
                incoming.deadLetter(record, FailureClassifier.reason(failure),
                        failure.getClass().getSimpleName() + ": " + failure.getMessage());
                return;
            } catch (RuntimeException publishFailure) {
                // The dead-letter topic is unreachable: the record is in neither place yet, so keep it uncommitted.
                health.waiting(where, publishFailure);
                LOG.warnf("Dead-lettering %s failed (%s); retrying in %s", where, publishFailure.getMessage(), pause);
                sleep(pause);
                pause = next(pause);
            }
        }
    }

    /**
     * The usual consumer, under this policy: each accepted event goes to {@code onEvent}, each tombstone's key to
     * {@code onTombstone}; a record that is not a valid platform event is dead-lettered whole.
     */
    public void processEvents(ConsumerRecord<String, byte[]> record, Consumer<Object> onEvent,
                              Consumer<String> onTombstone) {
        process(record, r -> {
            switch (incoming.readOrDeadLetter(r)) {
                case ReadResult.Accepted accepted -> onEvent.accept(accepted.envelope().data());
                case ReadResult.Tombstone tombstone -> onTombstone.accept(tombstone.key());
                case ReadResult.Rejected rejected -> {
                    // already dead-lettered with the whole record
                }
            }
        });
    }

    private Duration next(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : doubled;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            // Shutting down: leave the record uncommitted; the next owner of the partition reads it again.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting out a failure; the record stays uncommitted", e);
        }
    }

    /** {@code platform.consumers.*}: how the policy paces its retries of transient failures. */
    @ConfigMapping(prefix = "platform.consumers")
    public interface Settings {

        @WithDefault("200ms")
        Duration retryInitial();

        @WithDefault("30s")
        Duration retryMax();
    }
}
