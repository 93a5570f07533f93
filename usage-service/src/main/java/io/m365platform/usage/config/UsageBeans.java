package io.m365platform.usage.config;

import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.request.GraphClientSettings;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.graph.retry.Backoff;
import io.m365platform.graph.throttle.ThrottlePolicy;
import io.m365platform.service.graph.GraphConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Beans of the service's own. */
@ApplicationScoped
public class UsageBeans {

    /**
     * A report answers 429 with a Retry-After of up to ten minutes (14 calls per report per 10 minutes): waiting
     * that out inside the call would hold a worker, so no wait longer than this is done in place.
     */
    static final Duration LONGEST_WAIT_IN_PLACE = Duration.ofSeconds(20);

    /**
     * The clock the ingestion plans days and counts the throttle window with; tests replace it with one that follows
     * the Graph simulator's clock (which they advance).
     */
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Graph access for report calls (replaces service-commons' default): the SDK's RetryHandler is off (it would
     * sleep through a report's Retry-After) and the throttle policy retries in place only short waits; a longer
     * Retry-After surfaces as GraphThrottledException and the report-day queue pushes the connection's calls back.
     */
    @Produces
    @Singleton
    GraphClients graphClients(GraphEndpoints endpoints, GraphConfig config) {
        ThrottlePolicy defaults = GraphClientSettings.defaults().throttlePolicy();
        ThrottlePolicy policy = new ThrottlePolicy(config.maxAttempts(),
                Backoff.of(config.backoffBase(), config.backoffCap()), LONGEST_WAIT_IN_PLACE,
                LONGEST_WAIT_IN_PLACE.multipliedBy(3), defaults.sleeper(), defaults.clock());
        GraphClientSettings settings = GraphClientSettings.defaults()
                .withThrottlePolicy(policy)
                .withSdkRetries(0, GraphClientSettings.defaults().sdkRetryDelaySeconds())
                .withPerTenantConcurrency(config.perTenantConcurrency());
        return new GraphClients(endpoints, settings);
    }

    void close(@Disposes GraphClients clients) {
        clients.close();
    }
}
