package io.m365platform.service.token;

/**
 * No Graph token for a connection. {@code retryable} separates "try later" (broker unreachable, 503) from "an
 * operator must act" (connection needs reconnecting, deleted, permissions missing).
 */
public class TokenUnavailableException extends RuntimeException {

    private final String errorCode;
    private final boolean retryable;

    public TokenUnavailableException(String errorCode, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.retryable = retryable;
    }

    public TokenUnavailableException(String errorCode, String message, boolean retryable) {
        this(errorCode, message, retryable, null);
    }

    /** e.g. {@code credentials-invalid}, {@code connection-unknown}, {@code token-broker-unavailable}. */
    public String errorCode() {
        return errorCode;
    }

    public boolean retryable() {
        return retryable;
    }
}
