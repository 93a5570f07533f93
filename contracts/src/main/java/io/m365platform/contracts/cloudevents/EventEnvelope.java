package io.m365platform.contracts.cloudevents;

import io.m365platform.contracts.EventType;
import io.m365platform.contracts.PlatformEvent;

import java.time.Instant;

/**
 * A CloudEvent read from Kafka: its context attributes and the typed, schema-valid data.
 *
 * @param id           {@code ce_id}; consumers use it (or the data's own ids) to drop duplicates
 * @param source       {@code ce_source}, the producing service, e.g. {@code /m365platform/sync-service}
 * @param type         the registered event type of {@code ce_type}
 * @param time         {@code ce_time}, null when the producer did not set it
 * @param subject      {@code ce_subject}, null when absent
 * @param tenantId     {@code ce_tenantid}, null when absent
 * @param connectionId {@code ce_connectionid}, null when absent
 * @param topic        topic the record was read from
 * @param key          Kafka key
 * @param data         the payload as its record
 */
public record EventEnvelope(String id, String source, EventType type, Instant time, String subject, String tenantId,
                            String connectionId, String topic, String key, PlatformEvent data) {

    /** The payload cast to the expected record class; throws ClassCastException on the wrong class. */
    public <T extends PlatformEvent> T dataAs(Class<T> expected) {
        return expected.cast(data);
    }
}
