package io.m365platform.graph.token.failure;

import java.time.Duration;

/** The login service was unreachable, failing or throttling: retried with backoff, then surfaced as this. */
public final class TransientTokenException extends TokenException {

    public TransientTokenException(TokenFailureCategory category, Integer aadstsCode, Integer httpStatus,
                                   String oauthError, Duration retryAfter, String message, Throwable cause) {
        super(requireTransient(category), aadstsCode, httpStatus, oauthError, retryAfter, message, cause);
    }

    private static TokenFailureCategory requireTransient(TokenFailureCategory c) {
        if (!c.retryable()) {
            throw new IllegalArgumentException(c + " is a permanent category");
        }
        return c;
    }
}
