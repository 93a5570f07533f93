package io.m365platform.contracts.connection;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * Settings of a connection changed (name, permission level, product...).
 *
 * @param connection    state after the change
 * @param changedFields names of the {@link ConnectionState} fields that changed, e.g. {@code permissionLevel}
 * @param updatedBy     who changed it
 * @param occurredAt    when
 */
public record ConnectionUpdated(ConnectionState connection, List<String> changedFields, String updatedBy,
                                Instant occurredAt) implements ConnectionEvent {

    public ConnectionUpdated {
        Checks.require(connection, "connection");
        changedFields = Checks.list(changedFields);
        Checks.requireText(updatedBy, "updatedBy");
        Checks.require(occurredAt, "occurredAt");
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}
