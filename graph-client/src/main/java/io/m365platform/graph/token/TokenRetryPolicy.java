package io.m365platform.graph.token;

import io.m365platform.graph.retry.Backoff;
import io.m365platform.graph.retry.Sleeper;
import java.time.Duration;
import java.util.Objects;

/**
 * How often transient token failures (network, 5xx, timeouts, 429) are retried. msal4j itself retries a
 * 5xx without Retry-After once after 1 s and never retries a 429 for confidential clients.
 *
 * @param maxAttempts total attempts including the first (1 = no retry)
 * @param backoff     wait between attempts when the service gave no Retry-After
 * @param maxWait     upper bound of any single wait, including a server's Retry-After
 * @param sleeper     how to wait (a fake in tests)
 */
public record TokenRetryPolicy(int maxAttempts, Backoff backoff, Duration maxWait, Sleeper sleeper) {

    public TokenRetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    public static TokenRetryPolicy defaults() {
        return new TokenRetryPolicy(4, Backoff.of(Duration.ofMillis(500), Duration.ofSeconds(8)), Duration.ofSeconds(30),
                Sleeper.SYSTEM);
    }

    public static TokenRetryPolicy noRetry() {
        return new TokenRetryPolicy(1, Backoff.of(Duration.ofMillis(1), Duration.ofMillis(1)), Duration.ZERO, Sleeper.SYSTEM);
    }

    public TokenRetryPolicy withSleeper(Sleeper newSleeper) {
        return new TokenRetryPolicy(maxAttempts, backoff, maxWait, newSleeper);
    }
}
