package io.m365platform.contracts.cloudevents;

/**
 * The outcome of reading one Kafka record: a valid event, a tombstone, or a rejection. Consumers switch on it:
 * <pre>{@code
 * switch (reader.read(record)) {
 *     case ReadResult.Accepted a -> handle(a.envelope());
 *     case ReadResult.Tombstone t -> forget(t.key());
 *     case ReadResult.Rejected r -> deadLetter(record, r.rejection());
 * }
 * }</pre>
 */
public sealed interface ReadResult {

    /** A valid event. */
    record Accepted(EventEnvelope envelope) implements ReadResult {
    }

    /** A record with a null value: the entity named by the key is gone (compacted topics). */
    record Tombstone(String topic, String key) implements ReadResult {
    }

    /** A record that is not a valid event of this platform. */
    record Rejected(Rejection rejection) implements ReadResult {
    }
}
