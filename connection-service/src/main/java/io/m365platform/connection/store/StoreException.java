package io.m365platform.connection.store;

/** The database failed; the cause says how. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
