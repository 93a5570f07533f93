package io.m365platform.connection.support;

import io.m365platform.graphsim.tenant.AppOperations;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** App registrations in the simulator's tenant, one per test scenario so scenarios never share an msal4j cache. */
public final class TestApps {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestApps() {
    }

    public static AppOperations.RegisteredApp register(Set<String> application, Set<String> delegated) {
        return register(application, delegated, Duration.ofDays(365));
    }

    public static AppOperations.RegisteredApp register(Set<String> application, Set<String> delegated,
                                                       Duration secretLifetime) {
        return SimulatorResource.tenant().apps().register(new AppOperations.Registration(null,
                "connection-service test app " + COUNTER.incrementAndGet(), application, delegated,
                List.of(SimulatorResource.REDIRECT_URI), List.of(secretLifetime), List.of()));
    }
}
