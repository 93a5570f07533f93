package io.m365platform.contracts.deadletter;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.cloudevents.CloudEventHeaders;
import io.m365platform.contracts.cloudevents.Rejection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A record a consumer could not process, kept whole so nothing is lost: where it was, its key, headers and
 * payload (as text when it is UTF-8, else base64), and why it was refused. Replaying it means publishing
 * the payload and headers again to {@code originalTopic} once the cause is fixed.
 *
 * @param connectionId      connection named by the record's {@code ce_connectionid} header, when present
 * @param tenantId          tenant named by its {@code ce_tenantid} header, when present
 * @param originalTopic     topic the record was read from
 * @param originalPartition its partition
 * @param originalOffset    its offset
 * @param originalTimestamp its Kafka timestamp, when set
 * @param originalKey       its key, when set
 * @param headers           all its headers, in order
 * @param payloadText       the value as UTF-8 text, when it is valid UTF-8
 * @param payloadBase64     the value as base64, when it is not valid UTF-8
 * @param reason            machine-readable reason, e.g. {@code schema-violation}, {@code unknown-type}
 * @param detail            human-readable explanation
 * @param failedBy          consumer that gave up (service / consumer group)
 * @param deadLetteredAt    when
 */
public record DeadLetter(String connectionId, String tenantId, String originalTopic, int originalPartition,
                         long originalOffset, Instant originalTimestamp, String originalKey,
                         List<DeadLetterHeader> headers, String payloadText, String payloadBase64, String reason,
                         String detail, String failedBy, Instant deadLetteredAt) implements PlatformEvent {

    public DeadLetter {
        Checks.requireText(originalTopic, "originalTopic");
        Checks.requireNonNegative(originalPartition, "originalPartition");
        Checks.requireNonNegative(originalOffset, "originalOffset");
        headers = Checks.list(headers);
        if (payloadText != null && payloadBase64 != null) {
            throw new IllegalArgumentException("the payload is either text or base64, not both");
        }
        Checks.requireText(reason, "reason");
        Checks.requireText(detail, "detail");
        Checks.requireText(failedBy, "failedBy");
        Checks.require(deadLetteredAt, "deadLetteredAt");
    }

    /** Dead letter for a record the {@link io.m365platform.contracts.cloudevents.CloudEventReader} rejected. */
    public static DeadLetter of(ConsumerRecord<String, byte[]> record, Rejection rejection, String failedBy,
                                Instant now) {
        return of(record, rejection.reason().wireName(), rejection.describe(), failedBy, now);
    }

    /** Dead letter for a record that failed for any other reason (e.g. the handler threw). */
    public static DeadLetter of(ConsumerRecord<String, byte[]> record, String reason, String detail, String failedBy,
                                Instant now) {
        Instant timestamp = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : null;
        return of(record.topic(), record.partition(), record.offset(), timestamp, record.key(), record.headers(),
                record.value(), reason, detail, failedBy, now);
    }

    /** Dead letter from the parts of a record (for SmallRye's incoming metadata). */
    public static DeadLetter of(String topic, int partition, long offset, Instant timestamp, String key,
                                Headers headers, byte[] value, String reason, String detail, String failedBy,
                                Instant now) {
        List<DeadLetterHeader> copied = new ArrayList<>();
        if (headers != null) {
            for (Header header : headers) {
                byte[] bytes = header.value();
                String text = bytes == null ? null : utf8(bytes);
                boolean base64 = bytes != null && text == null;
                copied.add(new DeadLetterHeader(header.key(), base64 ? Base64.getEncoder().encodeToString(bytes) : text,
                        base64));
            }
        }
        String payloadText = value == null ? null : utf8(value);
        String payloadBase64 = value != null && payloadText == null ? Base64.getEncoder().encodeToString(value) : null;
        return new DeadLetter(CloudEventHeaders.text(headers, CloudEventHeaders.CONNECTION_ID),
                CloudEventHeaders.text(headers, CloudEventHeaders.TENANT_ID), topic, partition, offset, timestamp, key,
                copied, payloadText, payloadBase64, reason, detail, failedBy, now);
    }

    /** The original value bytes, decoded from text or base64; null when the record had no value. */
    public byte[] payloadBytes() {
        if (payloadText != null) {
            return payloadText.getBytes(StandardCharsets.UTF_8);
        }
        return payloadBase64 == null ? null : Base64.getDecoder().decode(payloadBase64);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Key {@code {originalTopic}/{partition}/{offset}}: unique per dead letter, says where it came from. */
    @Override
    public String kafkaKey() {
        return EventKey.of(originalTopic, Integer.toString(originalPartition), Long.toString(originalOffset));
    }

    @Override
    public Instant eventTime() {
        return deadLetteredAt;
    }
}
