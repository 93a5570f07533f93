package io.m365platform.connection.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.Objects;

/**
 * The last connection test.
 *
 * @param at      when it ran
 * @param outcome what came out
 */
public record LastTest(Instant at, Outcome outcome) {

    public LastTest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
    }

    public enum Outcome {
        /** A token was issued and the table evaluated. */
        SUCCEEDED("succeeded"),
        /** The identity platform refused the credentials (the status says why). */
        FAILED("failed"),
        /** A transient failure (5xx, timeout): nothing concluded, the status kept. */
        INCONCLUSIVE("inconclusive");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        public static Outcome of(String wireName) {
            for (Outcome o : values()) {
                if (o.wireName.equals(wireName)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown test outcome " + wireName);
        }
    }
}
