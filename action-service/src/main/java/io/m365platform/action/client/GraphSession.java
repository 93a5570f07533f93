package io.m365platform.action.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.action.store.GraphCall;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.error.GraphThrottledException;
import io.m365platform.graph.request.GraphRequests;
import io.m365platform.graph.request.GraphResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Graph requests of one action attempt, each recorded (method, path, status, request-id). In a dry run reads go
 * to Graph (to show the state before) and writes are only recorded: nothing changes in the tenant.
 */
public final class GraphSession {

    /** What a write answers in a dry run: no status, no body. */
    public static final GraphResponse NOT_SENT = new GraphResponse(0, Map.of(), null);

    private final GraphRequests requests;
    private final boolean dryRun;
    private final List<GraphCall> calls = Collections.synchronizedList(new ArrayList<>());

    public GraphSession(GraphRequests requests, boolean dryRun) {
        this.requests = requests;
        this.dryRun = dryRun;
    }

    public boolean dryRun() {
        return dryRun;
    }

    /** The calls made so far (a copy). */
    public List<GraphCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public JsonNode get(String path) {
        return send("GET", path, null).body();
    }

    /** GET that answers empty on 404 (the object is not there). */
    public Optional<JsonNode> find(String path) {
        try {
            return Optional.ofNullable(get(path));
        } catch (GraphRequestException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public GraphResponse post(String path, Object body) {
        return write("POST", path, body);
    }

    public GraphResponse patch(String path, Object body) {
        return write("PATCH", path, body);
    }

    public GraphResponse put(String path, Object body) {
        return write("PUT", path, body);
    }

    public GraphResponse delete(String path) {
        return write("DELETE", path, null);
    }

    private GraphResponse write(String method, String path, Object body) {
        if (dryRun) {
            calls.add(new GraphCall(method, withoutQuery(path), null, null, true));
            return NOT_SENT;
        }
        return send(method, path, body);
    }

    private GraphResponse send(String method, String path, Object body) {
        try {
            GraphResponse response = requests.send(method, path, Map.of(), body);
            calls.add(new GraphCall(method, withoutQuery(path), response.status(),
                    response.header("request-id").orElse(null), false));
            return response;
        } catch (GraphRequestException e) {
            calls.add(new GraphCall(method, withoutQuery(path), e.status(), e.requestId().orElse(null), false));
            throw e;
        } catch (GraphThrottledException e) {
            Integer status = e.getCause() instanceof GraphRequestException g ? g.status() : null;
            String requestId = e.getCause() instanceof GraphRequestException g ? g.requestId().orElse(null) : null;
            calls.add(new GraphCall(method, withoutQuery(path), status, requestId, false));
            throw e;
        }
    }

    private static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }
}
