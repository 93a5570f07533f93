package io.m365platform.graph.token.failure;

import java.time.Duration;

/** Retrying won't help: credentials, consent, tenant or configuration must be fixed first. */
public final class PermanentTokenException extends TokenException {

    public PermanentTokenException(TokenFailureCategory category, Integer aadstsCode, Integer httpStatus,
                                   String oauthError, String message, Throwable cause) {
        super(requirePermanent(category), aadstsCode, httpStatus, oauthError, (Duration) null, message, cause);
    }

    private static TokenFailureCategory requirePermanent(TokenFailureCategory c) {
        if (c.retryable()) {
            throw new IllegalArgumentException(c + " is a transient category");
        }
        return c;
    }
}
