package io.m365platform.action.client;

import io.m365platform.graph.request.GraphRequests;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Placeholder until the token broker's Graph access is wired: every attempt fails as an internal error. */
@ApplicationScoped
@DefaultBean
public class UnconfiguredGraph implements ConnectionGraph {

    @Override
    public GraphRequests requests(String connectionId, String tenantId) {
        throw new IllegalStateException("Graph access is not configured in this build");
    }
}
