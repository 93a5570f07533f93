package io.m365platform.connection.store;

import java.util.UUID;

/** Another request or instance changed the connection since it was read. */
public class ConcurrentChangeException extends RuntimeException {
    public ConcurrentChangeException(UUID id) {
        super("connection " + id + " was changed concurrently; retry");
    }
}
