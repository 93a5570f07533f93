package io.m365platform.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.localstack.http.JsonHttp;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * sync-service's REST API as the demo uses it: wait until it knows the connection (from connection-service's
 * events), trigger a run, read the run (RunView: status, per-resource steps and counters).
 */
public final class SyncApi {

    /**
     * Run statuses that end the demo's wait: done, or waiting for an operator (held), or waiting for a retry
     * minutes away (paused: throttled or an unavailable dependency; the reason is shown).
     */
    public static final Set<String> FINAL = Set.of("completed", "failed", "cancelled", "held", "paused");

    private final JsonHttp http;
    private final String baseUrl;

    public SyncApi(JsonHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** True once sync-service has the connection (it learns connections from m365.connections). */
    public boolean knows(String connectionId) throws IOException, InterruptedException, ConnectionsApi.ApiUnavailableException {
        JsonHttp.Reply reply = http.get(baseUrl + "/connections/" + connectionId);
        if (reply.status() == 404 && reply.json().path("status").asInt(0) == 404) {
            return false; // an ApiError: the connection is not known yet
        }
        if (!reply.ok()) {
            throw new ConnectionsApi.ApiUnavailableException("sync-service GET /connections/{id} answered "
                    + reply.explanation());
        }
        return true;
    }

    /** Triggers a full run; answers the run (a new one, or the active run that absorbs the request). */
    public JsonNode triggerFull(String connectionId, String reason) throws IOException, InterruptedException,
            ConnectionsApi.ApiUnavailableException {
        JsonHttp.Reply reply = http.post(baseUrl + "/connections/" + connectionId + "/runs",
                Map.of("mode", "full", "reason", reason));
        if (reply.status() != 202 && reply.status() != 200) {
            throw new ConnectionsApi.ApiUnavailableException("sync-service POST /connections/{id}/runs answered "
                    + reply.explanation());
        }
        return reply.json().path("run");
    }

    public JsonNode run(String runId) throws IOException, InterruptedException, ConnectionsApi.ApiUnavailableException {
        JsonHttp.Reply reply = http.get(baseUrl + "/runs/" + runId);
        if (!reply.ok()) {
            throw new ConnectionsApi.ApiUnavailableException("sync-service GET /runs/{id} answered " + reply.explanation());
        }
        return reply.json();
    }

    /** Objects read so far, over all resources of the run. */
    public static long fetched(JsonNode run) {
        long sum = 0;
        for (JsonNode step : run.path("steps")) {
            sum += step.path("fetched").asLong();
        }
        return sum;
    }
}
