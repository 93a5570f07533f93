package io.m365platform.action.client;

import io.m365platform.graph.request.GraphRequests;

/** Graph requests on behalf of a connection (its tenant, tokens from the token broker). */
public interface ConnectionGraph {

    GraphRequests requests(String connectionId, String tenantId);
}
