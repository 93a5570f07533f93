package io.m365platform.sync.publish;

/** Publishing failed (the broker did not acknowledge a record): the page is not committed and is read again. */
public class PublishException extends RuntimeException {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
