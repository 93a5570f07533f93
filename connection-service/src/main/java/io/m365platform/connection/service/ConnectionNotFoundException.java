package io.m365platform.connection.service;

import java.util.UUID;

/** No connection with this id (never created, or deleted). */
public class ConnectionNotFoundException extends RuntimeException {
    public ConnectionNotFoundException(UUID id) {
        super("Connection " + id + " was not found");
    }
}
