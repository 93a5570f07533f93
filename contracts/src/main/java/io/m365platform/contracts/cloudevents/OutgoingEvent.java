package io.m365platform.contracts.cloudevents;

import io.m365platform.contracts.EventType;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An event ready to publish: topic, key, CloudEvents headers and JSON payload. Use
 * {@link #toProducerRecord()} with a plain producer, or with SmallRye Reactive Messaging:
 * <pre>{@code
 * OutgoingEvent out = writer.prepare(event);
 * emitter.send(Message.of(out.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
 *         .withTopic(out.topic()).withKey(out.key()).withHeaders(out.kafkaHeaders()).build()));
 * }</pre>
 * (leave the channel's {@code cloud-events} settings at their defaults: the headers are already here).
 *
 * @param type    the event type
 * @param id      the {@code ce_id}
 * @param topic   Kafka topic
 * @param key     Kafka key
 * @param headers header values in the order they are written (UTF-8 on the wire)
 * @param payload UTF-8 JSON data
 */
public record OutgoingEvent(EventType type, String id, String topic, String key, Map<String, String> headers,
                            byte[] payload) {

    /** Fresh Kafka headers with the CloudEvents attributes (a new instance per call: Kafka headers are mutable). */
    public Headers kafkaHeaders() {
        RecordHeaders kafka = new RecordHeaders();
        headers.forEach((name, value) -> kafka.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return kafka;
    }

    /** A producer record (partition chosen by the key). */
    public ProducerRecord<String, byte[]> toProducerRecord() {
        return new ProducerRecord<>(topic, null, key, payload, kafkaHeaders());
    }
}
