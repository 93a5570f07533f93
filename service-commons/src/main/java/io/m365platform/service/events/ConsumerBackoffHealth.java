package io.m365platform.service.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Default;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Readiness is DOWN while a consumer waits out a transient failure: the instance cannot do its work, so it should
 * take no traffic, but it is alive and must not be restarted (the wait ends by itself when the dependency is back).
 */
@Readiness
@Default // also injectable as itself: ConsumerErrorPolicy reports to it, tests read it
@ApplicationScoped
public class ConsumerBackoffHealth implements HealthCheck {

    private final Map<String, String> waiting = new ConcurrentHashMap<>();

    void waiting(String record, Throwable failure) {
        waiting.put(record, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    void done(String record) {
        waiting.remove(record);
    }

    /** True while some record is waiting for a dependency. */
    public boolean anyWaiting() {
        return !waiting.isEmpty();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers").status(waiting.isEmpty());
        waiting.forEach((record, failure) -> response.withData(record, failure));
        return response.build();
    }
}
