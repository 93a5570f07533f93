package io.m365platform.usage.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the Graph simulator's once a test hands it over, so that advancing the simulator's
 * clock moves the service's "today" and throttle window with the simulator's report refresh date and throttle.
 */
@Alternative
@Priority(1)
@Singleton
public class SimulatorClock extends Clock {

    private volatile Clock delegate = Clock.systemUTC();

    public void follow(Clock clock) {
        this.delegate = clock;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return delegate.withZone(zone);
    }

    @Override
    public Instant instant() {
        return delegate.instant();
    }
}
