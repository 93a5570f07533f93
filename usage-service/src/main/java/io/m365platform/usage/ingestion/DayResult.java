package io.m365platform.usage.ingestion;

import io.m365platform.usage.daily.DayOutcome;

import java.time.Instant;

/** How one report-day call ended. */
public sealed interface DayResult {

    record Stored(DayOutcome outcome) implements DayResult {
    }

    record NotYetAvailable() implements DayResult {
    }

    record Unavailable() implements DayResult {
    }

    record Throttled(Instant until) implements DayResult {
    }

    record Failed(String reason) implements DayResult {
    }

    static DayResult stored(DayOutcome outcome) {
        return new Stored(outcome);
    }

    static DayResult notYetAvailable() {
        return new NotYetAvailable();
    }

    static DayResult unavailable() {
        return new Unavailable();
    }

    static DayResult throttled(Instant until) {
        return new Throttled(until);
    }

    static DayResult failed(String reason) {
        return new Failed(reason);
    }
}
