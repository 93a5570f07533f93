package io.m365platform.action.client;

import io.m365platform.graph.request.GraphAccess;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.graph.request.GraphRequests;
import io.m365platform.service.token.TokenSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Graph requests for a connection with tokens from connection-service's token broker (cached per connection by
 * {@link TokenSource}). One {@link GraphAccess} per connection and tenant, so the per-tenant concurrency limit and
 * the counters are shared by every action of the connection.
 */
@ApplicationScoped
public class BrokerGraph implements ConnectionGraph {

    private final GraphClients graph;
    private final TokenSource tokens;
    private final Map<String, GraphAccess> accesses = new ConcurrentHashMap<>();

    public BrokerGraph(GraphClients graph, TokenSource tokens) {
        this.graph = graph;
        this.tokens = tokens;
    }

    @Override
    public GraphRequests requests(String connectionId, String tenantId) {
        return accesses.computeIfAbsent(connectionId + "/" + tenantId,
                key -> graph.forTenant(tenantId, () -> tokens.token(connectionId))).requests();
    }
}
