package io.m365platform.graph.throttle;

import io.m365platform.graph.retry.Backoff;
import io.m365platform.graph.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the platform does when Graph throttles (429) or is unavailable (503/504, network) beyond the
 * SDK's own retries: wait (Retry-After, else backoff with jitter) and retry, within bounds. Past the
 * bounds a {@link io.m365platform.graph.error.GraphThrottledException} tells the caller to pause.
 *
 * @param maxAttempts   attempts per call, the first included (each attempt may itself contain the
 *                      SDK's RetryHandler retries)
 * @param backoff       wait when the answer carries no Retry-After
 * @param maxSingleWait cap on one wait (a Retry-After beyond it means "pause the run" rather than block)
 * @param maxTotalWait  cap on all waits of one call
 * @param sleeper       how to wait (fake in tests)
 * @param clock         for HTTP-date Retry-After values
 */
public record ThrottlePolicy(int maxAttempts, Backoff backoff, Duration maxSingleWait, Duration maxTotalWait,
                             Sleeper sleeper, Clock clock) {

    public ThrottlePolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxSingleWait, "maxSingleWait");
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
    }

    /** 6 attempts, 1 s..60 s backoff, at most 2 min per wait and 5 min per call. */
    public static ThrottlePolicy defaults() {
        return new ThrottlePolicy(6, Backoff.of(Duration.ofSeconds(1), Duration.ofSeconds(60)), Duration.ofMinutes(2),
                Duration.ofMinutes(5), Sleeper.SYSTEM, Clock.systemUTC());
    }

    public ThrottlePolicy withSleeper(Sleeper newSleeper) {
        return new ThrottlePolicy(maxAttempts, backoff, maxSingleWait, maxTotalWait, newSleeper, clock);
    }

    public ThrottlePolicy withMaxAttempts(int attempts) {
        return new ThrottlePolicy(attempts, backoff, maxSingleWait, maxTotalWait, sleeper, clock);
    }
}
