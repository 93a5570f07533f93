package io.m365platform.contracts.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.EventType;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.schema.SchemaValidator;
import io.m365platform.contracts.schema.SchemaViolation;
import io.m365platform.contracts.topics.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns event records into Kafka records in CloudEvents 1.0 binary mode. Each producing service makes one
 * writer with its own {@code source} and shares it (it is immutable and thread-safe).
 *
 * <p>Events are validated against their schema before they are written (every one by default; see
 * {@link SchemaCheck} for high-volume producers); an invalid event is a producer bug and fails with
 * {@link InvalidEventException} instead of reaching consumers.
 */
public final class CloudEventWriter {

    private final String source;
    private final SchemaValidator validator;
    private final SchemaCheck check;
    private final ObjectMapper mapper;
    private final ObjectMapper splicing;

    /**
     * @param source the {@code ce_source} of every event, a URI reference naming the service, e.g.
     *               {@code /m365platform/sync-service}
     */
    public CloudEventWriter(String source) {
        this(source, SchemaValidator.shared());
    }

    /** A writer with a given validator. */
    public CloudEventWriter(String source, SchemaValidator validator) {
        this(source, validator, SchemaCheck.every());
    }

    /** A writer that validates the events {@code check} selects. */
    public CloudEventWriter(String source, SchemaValidator validator, SchemaCheck check) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source is required");
        }
        URI.create(source); // must be a URI reference
        this.source = source;
        this.validator = Objects.requireNonNull(validator, "validator");
        this.check = Objects.requireNonNull(check, "check");
        this.mapper = EventJson.mapper();
        this.splicing = PreSerialized.splicingMapper();
    }

    /** The {@code ce_source} of this writer. */
    public String source() {
        return source;
    }

    /** The event with a new random {@code ce_id}. */
    public OutgoingEvent prepare(PlatformEvent event) {
        return prepare(event, randomId());
    }

    /**
     * The event with a given {@code ce_id}. Reuse the same id when re-sending the same event (e.g. from an
     * outbox), so consumers can recognise the duplicate.
     */
    public OutgoingEvent prepare(PlatformEvent event, String eventId) {
        return prepare(event, eventId, null);
    }

    /**
     * The event with a given {@code ce_id}, with a part the caller has already serialised (null: none) written from
     * its bytes: the same payload, without serialising that part again.
     */
    public OutgoingEvent prepare(PlatformEvent event, String eventId, PreSerialized part) {
        Objects.requireNonNull(event, "event");
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("eventId is required");
        }
        EventType type = event.eventType();
        byte[] payload;
        try {
            if (check.validateNext(type)) {
                JsonNode data = mapper.valueToTree(event);
                List<SchemaViolation> violations = validator.validate(type, data);
                if (!violations.isEmpty()) {
                    throw new InvalidEventException(type.type() + " does not match its schema", violations);
                }
                payload = mapper.writeValueAsBytes(data);
            } else {
                // Same bytes as through the tree (a test holds both ways to it), without building the tree.
                payload = PreSerialized.write(splicing, event, part);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type.type(), e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, eventId);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TYPE, type.type());
        headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.eventTime()));
        headers.put(CloudEventHeaders.SUBJECT, event.subject());
        headers.put(CloudEventHeaders.DATA_SCHEMA, type.schemaId());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        if (event.tenantId() != null) {
            headers.put(CloudEventHeaders.TENANT_ID, event.tenantId());
        }
        if (event.connectionId() != null) {
            headers.put(CloudEventHeaders.CONNECTION_ID, event.connectionId());
        }
        return new OutgoingEvent(type, eventId, type.topic().topicName(), event.kafkaKey(),
                Collections.unmodifiableMap(headers), payload);
    }

    /**
     * A new random (version 4) UUID for a {@code ce_id}. Ids must be unique, not unpredictable: a per-thread generator
     * instead of {@link UUID#randomUUID()}, whose SecureRandom makes every publishing thread take one lock in turn.
     */
    static String randomId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** A producer record for the event, with a new random {@code ce_id}. */
    public ProducerRecord<String, byte[]> record(PlatformEvent event) {
        return prepare(event).toProducerRecord();
    }

    /** A producer record for the event, with a new random {@code ce_id} and a pre-serialised part. */
    public ProducerRecord<String, byte[]> record(PlatformEvent event, PreSerialized part) {
        return prepare(event, randomId(), part).toProducerRecord();
    }

    /** A producer record for the event with a given {@code ce_id}. */
    public ProducerRecord<String, byte[]> record(PlatformEvent event, String eventId) {
        return prepare(event, eventId).toProducerRecord();
    }

    /**
     * A tombstone (null value, no headers) for a key of a compacted topic: once compacted, the key disappears.
     * Publish it right after the matching deleted event, to the same topic and key.
     */
    public ProducerRecord<String, byte[]> tombstone(Topic topic, String key) {
        Objects.requireNonNull(topic, "topic");
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("a tombstone needs the key it deletes");
        }
        return new ProducerRecord<>(topic.topicName(), null, key, null);
    }

    /**
     * The two records of a deletion on a compacted topic: the deleted event (for consumers that want the
     * reason) and then the tombstone for the same key. Send them in this order with the same producer.
     */
    public List<ProducerRecord<String, byte[]>> deletion(PlatformEvent deletedEvent) {
        ProducerRecord<String, byte[]> event = record(deletedEvent);
        return List.of(event, tombstone(deletedEvent.eventType().topic(), deletedEvent.kafkaKey()));
    }
}
