package io.m365platform.action.client;

import io.m365platform.graph.config.GraphEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The copy monitor client, trusting what Graph access trusts ({@code platform.graph.trust-pem}, else the JVM's). */
@ApplicationScoped
public class CopyMonitorProducer {

    @Produces
    @ApplicationScoped
    CopyMonitor copyMonitor(GraphEndpoints endpoints) {
        return new CopyMonitor(endpoints.trust());
    }
}
