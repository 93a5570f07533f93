package io.m365platform.usage.ingestion.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graph.request.GraphAccess;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.graph.request.GraphResponseStream;
import io.m365platform.service.token.TokenSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Graph's usage-report calls for a connection, with tokens from the broker. A report by day answers 302 to a
 * pre-authenticated CSV download, which the SDK's redirect handler follows; the body is streamed, never buffered.
 */
@ApplicationScoped
public class ReportsClient {

    private final GraphClients graph;
    private final TokenSource tokens;
    private final Map<String, GraphAccess> accesses = new ConcurrentHashMap<>();

    public ReportsClient(GraphClients graph, TokenSource tokens) {
        this.graph = graph;
        this.tokens = tokens;
    }

    /** {@code GET /reports/{report}(date=YYYY-MM-DD)}: the CSV of the users active that day. Close it. */
    public GraphResponseStream dayReport(String connectionId, String tenantId, String report, LocalDate day) {
        return access(connectionId, tenantId).requests().stream("/reports/" + report + "(date=" + day + ")", Map.of());
    }

    /** {@code GET /admin/reportSettings}: whether the tenant conceals user names in reports. */
    public boolean displayConcealedNames(String connectionId, String tenantId) {
        JsonNode settings = access(connectionId, tenantId).requests().get("/admin/reportSettings");
        return settings != null && settings.path("displayConcealedNames").asBoolean(false);
    }

    /** {@code PATCH /admin/reportSettings {"displayConcealedNames": false}} (needs ReportSettings.ReadWrite.All). */
    public void stopConcealingNames(String connectionId, String tenantId) {
        access(connectionId, tenantId).requests().patch("/admin/reportSettings",
                Map.of("displayConcealedNames", false));
    }

    private GraphAccess access(String connectionId, String tenantId) {
        return accesses.computeIfAbsent(connectionId + "/" + tenantId,
                key -> graph.forTenant(tenantId, () -> tokens.token(connectionId)));
    }
}
