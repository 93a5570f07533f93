package io.m365platform.contracts.deadletter;

import io.m365platform.contracts.EventType;
import io.m365platform.contracts.SampleEvents;
import io.m365platform.contracts.cloudevents.CloudEventHeaders;
import io.m365platform.contracts.cloudevents.CloudEventReader;
import io.m365platform.contracts.cloudevents.CloudEventWriter;
import io.m365platform.contracts.cloudevents.ReadResult;
import io.m365platform.contracts.cloudevents.Rejection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rejected record is kept whole in a dead letter, binary bytes included, and the dead letter is publishable. */
class DeadLetterTest {

    private static ConsumerRecord<String, byte[]> record(byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>("m365.actions.requests", 4, 1234L, 1_772_345_000_000L, TimestampType.CREATE_TIME,
                -1, value == null ? -1 : value.length, SampleEvents.CONNECTION + "/u-1", value, headers,
                Optional.empty());
    }

    @Test
    void keepsTextPayloadAndHeadersAndTheRejectionReason() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.ID, "evt-9".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/other".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, "io.m365platform.action.requested.v1".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.CONNECTION_ID, SampleEvents.CONNECTION.getBytes(StandardCharsets.UTF_8));
        headers.add("binary", new byte[] {(byte) 0xff, 0x00, (byte) 0xfe});
        byte[] value = "{\"actionId\": 1}".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> record = record(value, headers);

        Rejection rejection = assertInstanceOf(ReadResult.Rejected.class, new CloudEventReader().read(record))
                .rejection();
        DeadLetter letter = DeadLetter.of(record, rejection, "action-service", SampleEvents.NOW);

        assertEquals("schema-violation", letter.reason());
        assertTrue(letter.detail().contains("actionId"), letter.detail());
        assertEquals("m365.actions.requests", letter.originalTopic());
        assertEquals(4, letter.originalPartition());
        assertEquals(1234L, letter.originalOffset());
        assertEquals(SampleEvents.CONNECTION, letter.connectionId());
        assertNull(letter.tenantId());
        assertEquals("{\"actionId\": 1}", letter.payloadText());
        assertNull(letter.payloadBase64());
        assertArrayEquals(value, letter.payloadBytes());
        DeadLetterHeader binary = letter.headers().get(5);
        assertEquals(new DeadLetterHeader("binary", "/wD+", true), binary);
        assertEquals("m365.actions.requests/4/1234", letter.kafkaKey());

        // the dead letter itself is a valid event
        var out = new CloudEventWriter("/m365platform/action-service").prepare(letter);
        assertEquals(EventType.DEAD_LETTERED, out.type());
        assertEquals("m365.dead-letter", out.topic());
    }

    @Test
    void nonUtf8PayloadIsKeptAsBase64() {
        byte[] value = {(byte) 0xc3, (byte) 0x28, 0x01};
        DeadLetter letter = DeadLetter.of(record(value, new RecordHeaders()), "handler-failed",
                "NullPointerException in handler", "action-service", SampleEvents.NOW);
        assertNull(letter.payloadText());
        assertEquals("wygB", letter.payloadBase64());
        assertArrayEquals(value, letter.payloadBytes());
        assertNull(letter.connectionId());
        new CloudEventWriter("/m365platform/action-service").prepare(letter); // valid without connection/tenant
    }
}
