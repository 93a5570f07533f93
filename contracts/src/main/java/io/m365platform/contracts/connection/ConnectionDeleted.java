package io.m365platform.contracts.connection;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;

import java.time.Instant;

/**
 * A connection was deleted; its credentials are destroyed. Published before a tombstone for the same key, so
 * consumers see the reason and then compaction removes the connection from the topic. Consumers stop
 * syncing and drop (or mark) what they hold for this connection.
 *
 * @param connectionId platform id of the connection
 * @param tenantId     Entra tenant id
 * @param deletedBy    who deleted it
 * @param occurredAt   when
 */
public record ConnectionDeleted(String connectionId, String tenantId, String deletedBy, Instant occurredAt)
        implements PlatformEvent {

    public ConnectionDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(deletedBy, "deletedBy");
        Checks.require(occurredAt, "occurredAt");
    }

    @Override
    public String kafkaKey() {
        return EventKey.of(connectionId);
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}
