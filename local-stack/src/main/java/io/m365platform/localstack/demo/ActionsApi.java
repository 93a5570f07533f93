package io.m365platform.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.localstack.http.JsonHttp;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * action-service's REST API as the demo uses it (operator role): wait until it knows the connection, dry-run an
 * action, submit it, wait for its end, and describe the outcome in one line. Suggested demo on a read-write
 * connection of the demo tenant: dry-run then run {@code update-user} (jobTitle) and {@code disable-user} on a
 * plain member, run {@code enable-user} again, and {@code disable-user} once more to show {@code already-applied}.
 */
public final class ActionsApi {

    /** Statuses after which an action does not change any more. */
    public static final Set<String> FINAL = Set.of("completed", "failed", "rejected", "cancelled");

    private final JsonHttp http;
    private final String baseUrl;

    public ActionsApi(JsonHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** True once action-service has the connection (it learns connections from m365.connections). */
    public boolean knows(String connectionId) throws IOException, InterruptedException,
            ConnectionsApi.ApiUnavailableException {
        JsonHttp.Reply reply = http.get(baseUrl + "/connections/" + connectionId + "/approval-policy");
        if (reply.status() == 404) {
            return false;
        }
        if (!reply.ok()) {
            throw new ConnectionsApi.ApiUnavailableException("action-service GET /connections/{id}/approval-policy"
                    + " answered " + reply.explanation());
        }
        return true;
    }

    /** A request body: a new action id, the connection, its tenant, the type and its parameters. */
    public static Map<String, Object> request(String connectionId, String tenantId, String type,
                                              Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actionId", UUID.randomUUID().toString());
        body.put("connectionId", connectionId);
        body.put("tenantId", tenantId);
        body.put("type", type);
        body.put("parameters", parameters);
        body.put("reason", "local demo");
        return body;
    }

    /** What the action would do (Graph calls, before → after), nothing changed. */
    public JsonNode dryRun(Map<String, Object> request) throws IOException, InterruptedException,
            ConnectionsApi.ApiUnavailableException {
        JsonHttp.Reply reply = http.post(baseUrl + "/actions/dry-run", request);
        if (!reply.ok()) {
            throw new ConnectionsApi.ApiUnavailableException("action-service POST /actions/dry-run answered "
                    + reply.explanation());
        }
        return reply.json();
    }

    /** Submits the action; answers its id. */
    public String submit(Map<String, Object> request) throws IOException, InterruptedException,
            ConnectionsApi.ApiUnavailableException {
        JsonHttp.Reply reply = http.post(baseUrl + "/actions", request);
        if (reply.status() != 202 && reply.status() != 200) {
            throw new ConnectionsApi.ApiUnavailableException("action-service POST /actions answered "
                    + reply.explanation());
        }
        return reply.json().path("actionId").asText();
    }

    public JsonNode action(String actionId) throws IOException, InterruptedException,
            ConnectionsApi.ApiUnavailableException {
        JsonHttp.Reply reply = http.get(baseUrl + "/actions/" + actionId);
        if (!reply.ok()) {
            throw new ConnectionsApi.ApiUnavailableException("action-service GET /actions/{id} answered "
                    + reply.explanation());
        }
        return reply.json();
    }

    /** Polls the action until it is final or the timeout passes; answers its last state. */
    public JsonNode awaitFinal(String actionId, Duration timeout) throws IOException, InterruptedException,
            ConnectionsApi.ApiUnavailableException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode action = action(actionId);
        while (!FINAL.contains(action.path("status").asText()) && System.nanoTime() < deadline) {
            Thread.sleep(300);
            action = action(actionId);
        }
        return action;
    }

    /** "disable-user 1f2e… → completed (applied): accountEnabled true → false; 2 Graph calls". */
    public static String describe(JsonNode action) {
        StringBuilder line = new StringBuilder(action.path("actionType").asText()).append(' ')
                .append(action.path("targetId").asText("")).append(" → ").append(action.path("status").asText());
        if (action.hasNonNull("outcome")) {
            line.append(" (").append(action.path("outcome").asText()).append(')');
        }
        StringBuilder changes = new StringBuilder();
        action.path("details").fields().forEachRemaining(e -> changes.append(changes.isEmpty() ? "" : "; ")
                .append(e.getKey().replace("changed.", "")).append(' ').append(e.getValue().asText()));
        if (!changes.isEmpty()) {
            line.append(": ").append(changes);
        }
        if (action.hasNonNull("errorCode")) {
            line.append(": ").append(action.path("errorCode").asText()).append(" — ")
                    .append(action.path("errorMessage").asText()).append(' ').append(action.path("fix").asText(""));
        }
        return line.append("; ").append(action.path("graphCalls").size()).append(" Graph calls").toString();
    }
}
