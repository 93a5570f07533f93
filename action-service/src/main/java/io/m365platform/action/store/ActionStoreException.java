package io.m365platform.action.store;

/** The action tables could not be read or written (an infrastructure failure: retried, never dead-lettered). */
public class ActionStoreException extends RuntimeException {

    public ActionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
