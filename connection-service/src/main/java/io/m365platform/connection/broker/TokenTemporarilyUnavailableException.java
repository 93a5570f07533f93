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

    public Duration retryAfter() {
        return retryAfter;
    }
}
