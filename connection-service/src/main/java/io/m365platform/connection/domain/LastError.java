package io.m365platform.connection.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The last failure seen for a connection. The message comes from the identity platform or Graph, which never echo
 * a secret back.
 *
 * @param code    a stable code: {@code AADSTS7000215}, {@code http-503}, {@code timeout}...
 * @param message what happened
 * @param at      when
 */
public record LastError(String code, String message, Instant at) {

    public LastError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(at, "at");
    }
}
