package io.m365platform.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * Every event record of the platform implements this. The methods here are what the CloudEvents codec
 * needs to build the Kafka record (key, {@code ce_subject}, {@code ce_time}, extensions) without knowing
 * the concrete type; they are not part of the JSON payload.
 */
public interface PlatformEvent {

    /**
     * Entra tenant the event is about ({@code ce_tenantid}). Never null, except on a dead letter whose original
     * record named no tenant.
     */
    String tenantId();

    /**
     * Platform connection the event belongs to ({@code ce_connectionid}). Never null, except on a dead letter
     * whose original record named no connection.
     */
    String connectionId();

    /**
     * Kafka record key: the entity's identity within its connection, e.g. {@code {connectionId}/{userId}}.
     * Built with {@link EventKey} so that one entity's events always land on the same partition.
     */
    @JsonIgnore
    String kafkaKey();

    /** When the thing the event reports happened or was observed ({@code ce_time}). */
    @JsonIgnore
    Instant eventTime();

    /** CloudEvents {@code ce_subject}; by default the Kafka key, which names the entity. */
    @JsonIgnore
    default String subject() {
        return kafkaKey();
    }

    /** The registered type of this record. */
    @JsonIgnore
    default EventType eventType() {
        return EventType.of(getClass());
    }
}
