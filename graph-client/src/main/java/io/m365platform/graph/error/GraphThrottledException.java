package io.m365platform.graph.error;

import java.time.Duration;

/**
 * Graph kept throttling (429) or being unavailable (503/504, network) past the retry budget. Not a
 * failure of the data: checkpoint, pause, and resume the run after {@link #resumeAfter()}.
 */
public final class GraphThrottledException extends GraphException {

    /** What the last attempt ran into. */
    public enum Reason { THROTTLED, UNAVAILABLE, NETWORK }

    private final Reason reason;
    private final int attempts;
    private final Duration waited;
    private final Duration resumeAfter;

    public GraphThrottledException(String what, Reason reason, int attempts, Duration waited, Duration resumeAfter,
                                   Throwable lastFailure) {
        super("Graph " + what + " still " + describe(reason) + " after " + attempts + " attempts and "
                + waited.toSeconds() + " s of waiting: pause and resume later (in " + resumeAfter.toSeconds() + " s or more)",
                lastFailure);
        this.reason = reason;
        this.attempts = attempts;
        this.waited = waited;
        this.resumeAfter = resumeAfter;
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case THROTTLED -> "throttled (429)";
            case UNAVAILABLE -> "unavailable (503/504)";
            case NETWORK -> "unreachable";
        };
    }

    public Reason reason() {
        return reason;
    }

    public int attempts() {
        return attempts;
    }

    /** Total time spent waiting between attempts. */
    public Duration waited() {
        return waited;
    }

    /** Suggested pause before resuming (the last Retry-After, or the backoff). */
    public Duration resumeAfter() {
        return resumeAfter;
    }
}
