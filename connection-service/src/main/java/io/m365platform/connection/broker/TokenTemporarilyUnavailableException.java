package io.m365platform.connection.broker;

import io.m365platform.graph.token.failure.TransientTokenException;

import java.time.Duration;

/** The identity platform did not answer (5xx, timeout, throttled) even after retries; the caller may retry later. */
public class TokenTemporarilyUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public TokenTemporarilyUnavailableException(TransientTokenException cause) {
        super("The identity platform is temporarily unavailable: " + cause.getMessage());
        this.retryAfter = cause.retryAfter().orElse(Duration.ofSeconds(30));
    }

    /** The identity platform has not answered within the broker's deadline; its request goes on meanwhile. */
    public TokenTemporarilyUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
