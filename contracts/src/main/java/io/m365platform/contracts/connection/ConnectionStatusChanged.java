package io.m365platform.contracts.connection;

import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * The health of a connection changed (after a test, a failed token request, a permission change).
 *
 * @param connection     state with the new status, statusReason and fix
 * @param previousStatus status before
 * @param occurredAt     when
 */
public record ConnectionStatusChanged(ConnectionState connection, ConnectionStatus previousStatus,
                                      Instant occurredAt) implements ConnectionEvent {

    public ConnectionStatusChanged {
        Checks.require(connection, "connection");
        Checks.require(previousStatus, "previousStatus");
        Checks.require(occurredAt, "occurredAt");
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}
