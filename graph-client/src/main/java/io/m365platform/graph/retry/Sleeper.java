package io.m365platform.graph.retry;

import java.time.Duration;

/** Waits between attempts; replaced by a recording fake in tests so retry logic runs without real sleeps. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration);
        }
    };
}
