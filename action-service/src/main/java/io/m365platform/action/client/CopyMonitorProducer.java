package io.m365platform.action.client;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.Optional;

/** The copy monitor client with the JVM's trust store (a test or local setup trusts the simulator instead). */
@ApplicationScoped
public class CopyMonitorProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    CopyMonitor copyMonitor() {
        return new CopyMonitor(Optional.empty());
    }
}
