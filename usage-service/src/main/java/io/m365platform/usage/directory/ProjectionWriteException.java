package io.m365platform.usage.directory;

/** A projection could not be written; the SQL cause is kept so that the consumer's error policy can classify it. */
public class ProjectionWriteException extends RuntimeException {

    public ProjectionWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
