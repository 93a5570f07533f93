package io.m365platform.testsupport.kafka;

import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.topics.Topics;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.common.serialization.Serdes;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Reads {@code m365.dead-letter} in tests: the letters of one original key. */
public final class DeadLetters {

    private static final CloudEventReader READER = new CloudEventReader();

    private DeadLetters() {
    }

    /** Waits for the first dead letter of a record with this key. */
    public static DeadLetter awaitFor(KafkaCompanion kafka, String originalKey, Duration timeout) {
        return await().atMost(timeout).until(() -> of(kafka, originalKey).stream().findFirst().orElse(null),
                Objects::nonNull);
    }

    /** Every dead letter so far of records with this key (the topic read from its start). */
    public static List<DeadLetter> of(KafkaCompanion kafka, String originalKey) {
        var consumer = kafka.consume(Serdes.String(), Serdes.ByteArray()).fromTopics(Topics.DEAD_LETTER);
        try {
            // Everything written so far: read until nothing new arrived for a second.
            long seen = -1;
            while (seen != consumer.count()) {
                seen = consumer.count();
                sleep(1_000);
            }
            return consumer.getRecords().stream()
                    .map(READER::read)
                    .peek(r -> assertInstanceOf(ReadResult.Accepted.class, r, "dead letters are valid events"))
                    .map(r -> ((ReadResult.Accepted) r).envelope().dataAs(DeadLetter.class))
                    .filter(letter -> originalKey.equals(letter.originalKey()))
                    .toList();
        } finally {
            consumer.stop();
        }
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
