package io.m365platform.graph.token.failure;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A classified token acquisition failure. Sealed: either {@link PermanentTokenException} (someone has to
 * fix credentials, consent or configuration) or {@link TransientTokenException} (retry later).
 * Messages never contain secrets or tokens.
 */
public abstract sealed class TokenException extends RuntimeException
        permits PermanentTokenException, TransientTokenException {

    private final TokenFailureCategory category;
    private final Integer aadstsCode;
    private final Integer httpStatus;
    private final String oauthError;
    private final Duration retryAfter;

    TokenException(TokenFailureCategory category, Integer aadstsCode, Integer httpStatus, String oauthError,
                   Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.category = Objects.requireNonNull(category);
        this.aadstsCode = aadstsCode;
        this.httpStatus = httpStatus;
        this.oauthError = oauthError;
        this.retryAfter = retryAfter;
    }

    public TokenFailureCategory category() {
        return category;
    }

    /** The AADSTS number, e.g. 7000215, when the service sent one. */
    public OptionalInt aadstsCode() {
        return aadstsCode == null ? OptionalInt.empty() : OptionalInt.of(aadstsCode);
    }

    /** HTTP status of the token endpoint's answer; empty for network failures. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The OAuth {@code error} value, e.g. {@code invalid_client}. */
    public Optional<String> oauthError() {
        return Optional.ofNullable(oauthError);
    }

    /** A server-given wait (Retry-After), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public String operatorFix() {
        return category.operatorFix();
    }

    public boolean retryable() {
        return category.retryable();
    }
}
