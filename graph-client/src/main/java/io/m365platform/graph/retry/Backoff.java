package io.m365platform.graph.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of
 * {@code min(cap, base * 2^(n-1))}, so concurrent clients spread out but never retry immediately.
 *
 * @param base   wait before the first retry (before jitter)
 * @param cap    upper bound of any single wait
 * @param random source of uniform numbers in [0,1), replaceable for deterministic tests
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("backoff base must be positive");
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff cap must be >= base");
        }
    }

    public static Backoff of(Duration base, Duration cap) {
        return new Backoff(base, cap, () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** The wait before retry number {@code retry} (1 = first retry). */
    public Duration delay(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1");
        }
        long capMillis = cap.toMillis();
        int shift = Math.min(retry - 1, 30);
        long ceiling = Math.min(capMillis, base.toMillis() << shift);
        if (ceiling <= 0) {
            ceiling = capMillis;
        }
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
    }

    /**
     * A server-given wait (Retry-After) wins over the computed one, plus a little jitter so a crowd of
     * throttled clients doesn't come back in the same millisecond; bounded by {@code maxWait}.
     */
    public Duration delay(int retry, Duration retryAfter, Duration maxWait) {
        Duration d;
        if (retryAfter != null && !retryAfter.isNegative() && !retryAfter.isZero()) {
            long jitter = (long) (random.getAsDouble() * Math.min(1000, Math.max(50, retryAfter.toMillis() / 10)));
            d = retryAfter.plusMillis(jitter);
        } else {
            d = delay(retry);
        }
        return d.compareTo(maxWait) > 0 ? maxWait : d;
    }
}
