package io.m365platform.service.graph;

import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.config.Timeouts;
import io.m365platform.graph.config.TrustMaterial;
import io.m365platform.graph.request.GraphClientSettings;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.graph.retry.Backoff;
import io.m365platform.graph.throttle.ThrottlePolicy;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * graph-client's objects as beans, built from {@link GraphConfig}: the endpoints (with the trusted certificate) and
 * Graph access with the configured throttling policy. A service that needs another policy (connection-service's
 * one-shot probes) produces its own {@link GraphClients}; this one is the default.
 */
@ApplicationScoped
public class GraphProducers {

    @Produces
    @Singleton
    GraphEndpoints endpoints(GraphConfig config) {
        return endpointsOf(config);
    }

    @Produces
    @Singleton
    @DefaultBean
    GraphClients graphClients(GraphEndpoints endpoints, GraphConfig config) {
        ThrottlePolicy defaults = GraphClientSettings.defaults().throttlePolicy();
        ThrottlePolicy policy = new ThrottlePolicy(config.maxAttempts(),
                Backoff.of(config.backoffBase(), config.backoffCap()), defaults.maxSingleWait(),
                defaults.maxTotalWait(), defaults.sleeper(), defaults.clock());
        GraphClientSettings settings = GraphClientSettings.defaults()
                .withThrottlePolicy(policy)
                .withSdkRetries(config.sdkMaxRetries(), GraphClientSettings.defaults().sdkRetryDelaySeconds())
                .withPerTenantConcurrency(config.perTenantConcurrency());
        return new GraphClients(endpoints, settings);
    }

    void close(@Disposes GraphClients clients) {
        clients.close();
    }

    /** The endpoints of a configuration; a blank PEM (an unset environment variable) counts as none. */
    public static GraphEndpoints endpointsOf(GraphConfig config) {
        Optional<TrustMaterial> trust = config.trustPem().filter(pem -> !pem.isBlank()).map(TrustMaterial::fromPem)
                .or(() -> config.trustPemFile().map(TrustMaterial::fromPemFile));
        Timeouts timeouts = new Timeouts(config.connectTimeout(), config.readTimeout(), config.callTimeout());
        return new GraphEndpoints(config.loginUrl(), config.baseUrl(), trust, timeouts);
    }
}
