package io.m365platform.graph.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Parses an HTTP {@code Retry-After} header: delta-seconds (decimals tolerated) or an HTTP-date. */
public final class RetryAfter {

    private RetryAfter() {
    }

    public static Optional<Duration> parse(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        // Some services send a comma separated list: the first positive number counts.
        for (String part : value.split(",")) {
            try {
                double seconds = Double.parseDouble(part.trim());
                if (seconds >= 0 && Double.isFinite(seconds)) {
                    return Optional.of(Duration.ofMillis((long) (seconds * 1000)));
                }
            } catch (NumberFormatException notANumber) {
                break;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
