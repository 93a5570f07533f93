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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads Kafka records written in CloudEvents binary mode back into typed events. It never throws for bad
 * input: every record becomes {@link ReadResult.Accepted}, {@link ReadResult.Tombstone} or
 * {@link ReadResult.Rejected} with the reason, so a consumer can dead-letter what it cannot use and go on.
 * Immutable and thread-safe; share one per service.
 *
 * <p>Checks, in order: tombstone; ce_specversion is 1.0; ce_id, ce_source and ce_type present; ce_type
 * registered; the type belongs to the topic (when the topic is one of ours); content-type is JSON; ce_time is
 * RFC 3339; the value is a JSON object; it satisfies the schema; it maps to the record (rules the schema
 * cannot express); ce_tenantid / ce_connectionid agree with the data.
 */
public final class CloudEventReader {

    private final SchemaValidator validator;
    private final ObjectMapper mapper;

    /** A reader using the shared validator. */
    public CloudEventReader() {
        this(SchemaValidator.shared());
    }

    /** A reader using the given validator. */
    public CloudEventReader(SchemaValidator validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.mapper = EventJson.mapper();
    }

    /** Reads a consumed record. */
    public ReadResult read(ConsumerRecord<String, byte[]> record) {
        return read(record.topic(), record.key(), record.headers(), record.value());
    }

    /** Reads a record from its parts (e.g. SmallRye's IncomingKafkaRecordMetadata and payload). */
    public ReadResult read(String topic, String key, Headers headers, byte[] value) {
        if (value == null) {
            return new ReadResult.Tombstone(topic, key);
        }
        String specVersion = CloudEventHeaders.text(headers, CloudEventHeaders.SPEC_VERSION);
        String id = CloudEventHeaders.text(headers, CloudEventHeaders.ID);
        String source = CloudEventHeaders.text(headers, CloudEventHeaders.SOURCE);
        String typeName = CloudEventHeaders.text(headers, CloudEventHeaders.TYPE);
        List<String> missing = new ArrayList<>();
        for (String[] attribute : new String[][] {{CloudEventHeaders.SPEC_VERSION, specVersion},
                {CloudEventHeaders.ID, id}, {CloudEventHeaders.SOURCE, source}, {CloudEventHeaders.TYPE, typeName}}) {
            if (attribute[1] == null || attribute[1].isBlank()) {
                missing.add(attribute[0]);
            }
        }
        if (!missing.isEmpty()) {
            return reject(RejectionReason.MISSING_ATTRIBUTE, "missing header(s) " + String.join(", ", missing)
                    + " (not a CloudEvents binary-mode record)", List.of(), typeName, id);
        }
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            return reject(RejectionReason.UNSUPPORTED_SPEC_VERSION, "ce_specversion is '" + specVersion
                    + "', only 1.0 is supported", List.of(), typeName, id);
        }
        EventType type = EventType.fromType(typeName).orElse(null);
        if (type == null) {
            return reject(RejectionReason.UNKNOWN_TYPE, "ce_type '" + typeName + "' is not a registered event type"
                    + " (a newer version than this consumer knows?)", List.of(), typeName, id);
        }
        Topic expected = type.topic();
        if (topic != null && Topic.byName(topic).isPresent() && !expected.topicName().equals(topic)) {
            return reject(RejectionReason.WRONG_TOPIC, typeName + " belongs on " + expected.topicName()
                    + ", not on " + topic, List.of(), typeName, id);
        }
        String contentType = CloudEventHeaders.text(headers, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !isJson(contentType)) {
            return reject(RejectionReason.UNSUPPORTED_CONTENT_TYPE, "content-type is '" + contentType
                    + "', expected application/json", List.of(), typeName, id);
        }
        Instant time;
        try {
            String timeText = CloudEventHeaders.text(headers, CloudEventHeaders.TIME);
            time = timeText == null ? null : OffsetDateTime.parse(timeText).toInstant();
        } catch (DateTimeParseException e) {
            return reject(RejectionReason.INVALID_ATTRIBUTE, "ce_time is not an RFC 3339 timestamp: "
                    + e.getParsedString(), List.of(), typeName, id);
        }
        JsonNode data;
        try {
            data = mapper.readTree(value);
        } catch (IOException e) {
            return reject(RejectionReason.MALFORMED_JSON, "value is not JSON: " + firstLine(e), List.of(), typeName,
                    id);
        }
        if (data == null || !data.isObject()) {
            return reject(RejectionReason.MALFORMED_JSON, "value is not a JSON object", List.of(), typeName, id);
        }
        List<SchemaViolation> violations = validator.validate(type, data);
        if (!violations.isEmpty()) {
            return reject(RejectionReason.SCHEMA_VIOLATION, "data does not match " + type.schemaId(), violations,
                    typeName, id);
        }
        PlatformEvent event;
        try {
            event = mapper.treeToValue(data, type.dataClass());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return reject(RejectionReason.INVALID_DATA, firstLine(e), List.of(), typeName, id);
        }
        String tenantId = CloudEventHeaders.text(headers, CloudEventHeaders.TENANT_ID);
        String connectionId = CloudEventHeaders.text(headers, CloudEventHeaders.CONNECTION_ID);
        if (tenantId != null && event.tenantId() != null && !tenantId.equals(event.tenantId())) {
            return reject(RejectionReason.ATTRIBUTE_MISMATCH, "ce_tenantid '" + tenantId + "' differs from tenantId '"
                    + event.tenantId() + "' of the data", List.of(), typeName, id);
        }
        if (connectionId != null && event.connectionId() != null && !connectionId.equals(event.connectionId())) {
            return reject(RejectionReason.ATTRIBUTE_MISMATCH, "ce_connectionid '" + connectionId
                    + "' differs from connectionId '" + event.connectionId() + "' of the data", List.of(), typeName, id);
        }
        return new ReadResult.Accepted(new EventEnvelope(id, source, type, time,
                CloudEventHeaders.text(headers, CloudEventHeaders.SUBJECT), tenantId, connectionId, topic, key, event));
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].trim();
        return CloudEventHeaders.APPLICATION_JSON.equalsIgnoreCase(mediaType);
    }

    /** The first line of an exception message; Jackson appends source excerpts we do not want in a reason. */
    private static String firstLine(Exception e) {
        Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    private static ReadResult reject(RejectionReason reason, String message, List<SchemaViolation> violations,
                                     String type, String id) {
        return new ReadResult.Rejected(new Rejection(reason, message, violations, type, id));
    }
}
