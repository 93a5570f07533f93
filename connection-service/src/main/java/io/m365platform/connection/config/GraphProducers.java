package io.m365platform.connection.config;

import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.request.GraphClientSettings;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.graph.retry.Backoff;
import io.m365platform.graph.retry.Sleeper;
import io.m365platform.graph.throttle.ThrottlePolicy;
import io.m365platform.graph.token.AppTokenClient;
import io.m365platform.graph.token.MsalApplications;
import io.m365platform.graph.token.TokenRetryPolicy;
import io.m365platform.graph.token.delegated.DelegatedTokenClient;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * The graph-client objects of the service (the endpoints come from service-commons' GraphProducers): one {@link MsalApplications} (one msal4j application per client id and
 * secret, tenant per request, so msal4j's token cache works), the token clients on top of it, and Graph access for
 * the connection test's probes.
 */
public class GraphProducers {

    @Produces
    @Singleton
    MsalApplications msalApplications(GraphEndpoints endpoints) {
        return new MsalApplications(endpoints);
    }

    @Produces
    @Singleton
    TokenRetryPolicy tokenRetryPolicy(TokenRequestSettings settings) {
        return new TokenRetryPolicy(settings.attempts(),
                Backoff.of(settings.backoff(), settings.backoffMax()), settings.backoffMax(), Sleeper.SYSTEM);
    }

    @Produces
    @Singleton
    AppTokenClient appTokenClient(MsalApplications applications, TokenRetryPolicy policy) {
        return new AppTokenClient(applications, policy);
    }

    @Produces
    @Singleton
    DelegatedTokenClient delegatedTokenClient(MsalApplications applications, TokenRetryPolicy policy) {
        return new DelegatedTokenClient(applications, policy);
    }

    /**
     * Graph access for probes: a probe is a diagnosis, not a sync, so it gives up after one attempt (an unanswered
     * probe is reported as inconclusive and repeated by the next test) instead of waiting through throttling.
     */
    @Produces
    @Singleton
    GraphClients graphClients(GraphEndpoints endpoints) {
        ThrottlePolicy once = new ThrottlePolicy(1, Backoff.of(Duration.ofMillis(100), Duration.ofMillis(100)),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Sleeper.SYSTEM, Clock.systemUTC());
        return new GraphClients(endpoints, GraphClientSettings.defaults().withSdkRetries(0, 0).withThrottlePolicy(once));
    }

    void close(@Disposes GraphClients clients) {
        clients.close();
    }
}
