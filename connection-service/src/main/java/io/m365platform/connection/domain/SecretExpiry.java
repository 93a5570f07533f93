package io.m365platform.connection.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about when the client secret expires.
 *
 * @param expiresAt when, if known
 * @param source    where the date came from (Graph's passwordCredentials, or the operator)
 * @param note      why it is unknown, or how it was matched
 */
public record SecretExpiry(Optional<Instant> expiresAt, Optional<Source> source, Optional<String> note) {

    public SecretExpiry {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
        if (expiresAt.isPresent() != source.isPresent()) {
            throw new IllegalArgumentException("a known expiry needs its source, an unknown one has none");
        }
    }

    public static SecretExpiry unknown(String why) {
        return new SecretExpiry(Optional.empty(), Optional.empty(), Optional.of(why));
    }

    public static SecretExpiry known(Instant at, Source source, String note) {
        return new SecretExpiry(Optional.of(at), Optional.of(source), Optional.ofNullable(note));
    }

    public boolean known() {
        return expiresAt.isPresent();
    }

    public enum Source {
        /** The app registration's passwordCredentials (needs Application.Read.All). */
        GRAPH("graph"),
        /** Given by the operator with the secret. */
        OPERATOR("operator");

        private final String wireName;

        Source(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        public static Source of(String wireName) {
            for (Source s : values()) {
                if (s.wireName.equals(wireName)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown expiry source " + wireName);
        }
    }
}
