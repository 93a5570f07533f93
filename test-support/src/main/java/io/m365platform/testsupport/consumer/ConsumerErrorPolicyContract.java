package io.m365platform.testsupport.consumer;

import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.service.events.ConsumerBackoffHealth;
import io.m365platform.testsupport.db.DatabaseOutage;
import io.m365platform.testsupport.kafka.DeadLetters;
import io.m365platform.testsupport.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer error policy (service-commons' ConsumerErrorPolicy), proven on a service's real consumer, real broker
 * and real database: an outage delays a record and loses nothing (nothing dead-lettered), and a record the database
 * refuses is dead-lettered whole while the next record is handled. Each consuming service extends this with
 * {@code @QuarkusTest} and says what a valid record, a refused one and "handled" are for its consumer.
 */
public abstract class ConsumerErrorPolicyContract {

    @InjectKafkaCompanion
    protected KafkaCompanion kafka;

    @Inject
    protected ConsumerBackoffHealth backoff;

    /** A new valid record for the consumer under test (each call a new key), whose handling writes to the database. */
    protected abstract ProducerRecord<String, byte[]> validRecord();

    /** A record of the same topic whose content PostgreSQL refuses (e.g. U+0000 in a text field). */
    protected abstract ProducerRecord<String, byte[]> recordTheDatabaseRefuses();

    /** Whether the service has handled the record (its effect is in the service's tables). */
    protected abstract boolean handled(ProducerRecord<String, byte[]> record);

    @Test
    void aDatabaseOutageDelaysTheRecordAndLosesNothing() {
        ProducerRecord<String, byte[]> record = validRecord();
        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            send(record);
            // The consumer is waiting the outage out (readiness DOWN), not failing, not dead-lettering.
            await().atMost(Duration.ofSeconds(30)).until(backoff::anyWaiting);
            sleep(2_000);
            assertTrue(backoff.anyWaiting(), "the consumer must still be waiting while the database is down");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> handled(record));
        await().atMost(Duration.ofSeconds(30)).until(() -> !backoff.anyWaiting());
        assertEquals(List.of(), DeadLetters.of(kafka, record.key()), "nothing is dead-lettered for an outage");
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredAndTheNextIsHandled() {
        ProducerRecord<String, byte[]> refused = recordTheDatabaseRefuses();
        ProducerRecord<String, byte[]> next = validRecord();
        send(refused, next);
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(next));
        DeadLetter letter = DeadLetters.awaitFor(kafka, refused.key(), Duration.ofSeconds(30));
        assertEquals(refused.topic(), letter.originalTopic());
        assertTrue(letter.reason().startsWith("database-refused-"), "reason: " + letter.reason());
        assertEquals(new String(refused.value(), java.nio.charset.StandardCharsets.UTF_8), letter.payloadText(),
                "the record is kept whole");
    }

    @SafeVarargs
    protected final void send(ProducerRecord<String, byte[]>... records) {
        kafka.produce(Serdes.String(), Serdes.ByteArray()).fromRecords(List.of(records)).awaitCompletion();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
