package io.m365platform.connection.broker;

import io.m365platform.connection.domain.Connection;

/** The connection's status does not allow handing out tokens (needs-reconnect, permissions-missing, ...). */
public class ConnectionNotUsableException extends RuntimeException {

    private final transient Connection connection;

    public ConnectionNotUsableException(Connection connection) {
        super("Connection " + connection.id() + " is not usable: " + connection.status().wireName());
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }
}
