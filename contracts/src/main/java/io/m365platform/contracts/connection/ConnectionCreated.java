package io.m365platform.contracts.connection;

import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * A connection was created (status usually {@code pending} until its first test).
 *
 * @param connection state after creation
 * @param createdBy  who created it (operator subject or service name)
 * @param occurredAt when
 */
public record ConnectionCreated(ConnectionState connection, String createdBy, Instant occurredAt)
        implements ConnectionEvent {

    public ConnectionCreated {
        Checks.require(connection, "connection");
        Checks.requireText(createdBy, "createdBy");
        Checks.require(occurredAt, "occurredAt");
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}
