package io.m365platform.contracts.connection;

import io.m365platform.contracts.Checks;

import java.time.Instant;

/**
 * New credentials were stored for a connection (a new client secret, or a new admin sign-in). The event
 * says that it happened and when the new secret expires, never what the credential is. Consumers caching
 * access tokens for this connection should drop them.
 *
 * @param connection              state after the rotation
 * @param rotatedBy               who rotated
 * @param previousSecretExpiresAt expiry of the replaced secret, when known
 * @param occurredAt              when
 */
public record ConnectionCredentialsRotated(ConnectionState connection, String rotatedBy,
                                           Instant previousSecretExpiresAt, Instant occurredAt)
        implements ConnectionEvent {

    public ConnectionCredentialsRotated {
        Checks.require(connection, "connection");
        Checks.requireText(rotatedBy, "rotatedBy");
        Checks.require(occurredAt, "occurredAt");
    }

    @Override
    public Instant eventTime() {
        return occurredAt;
    }
}
