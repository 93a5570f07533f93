package io.m365platform.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.localstack.http.JsonHttp;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * connection-service's REST API as the demo uses it: the setup guide's permissions, find the demo tenant's
 * connection of a product, create it (app registration) or change its level, test it. Answers are kept as JSON (the service's ConnectionView), read by field name.
 */
public final class ConnectionsApi {

    /** The API answered, but not as the demo needs (not finished yet, or an error to show). */
    public static final class ApiUnavailableException extends Exception {
        public ApiUnavailableException(String message) {
            super(message);
        }
    }

    private final JsonHttp http;
    private final String baseUrl;

    public ConnectionsApi(JsonHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** The newest live connection of this tenant and app, if an earlier run made one. */
    public Optional<JsonNode> find(String tenant, String clientId) throws IOException, InterruptedException,
            ApiUnavailableException {
        JsonHttp.Reply reply = http.get(baseUrl + "/connections?limit=500&tenant="
                + URLEncoder.encode(tenant, StandardCharsets.UTF_8));
        if (!reply.ok()) {
            throw unavailable("GET /connections", reply);
        }
        JsonNode found = null;
        for (JsonNode item : reply.json().path("items")) {
            if (clientId.equalsIgnoreCase(item.path("clientId").asText()) && !"deleted".equals(item.path("status").asText())) {
                found = item;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The application permissions connection-service's setup guide lists for the product at this level (app
     * registration): what an administrator grants before connecting.
     */
    public List<String> setupPermissions(String product, String level)
            throws IOException, InterruptedException, ApiUnavailableException {
        JsonHttp.Reply reply = http.get(baseUrl + "/setup/permissions?product=" + product
                + "&method=app-registration&level=" + level);
        if (!reply.ok()) {
            throw unavailable("GET /setup/permissions", reply);
        }
        List<String> permissions = new ArrayList<>();
        reply.json().path("permissions").forEach(p -> permissions.add(p.asText()));
        return permissions;
    }

    /** Connects the tenant for a product with the app registration's credentials; the service tests it at once. */
    public JsonNode create(String product, String level, String tenant, String clientId, String clientSecret,
                           String displayName) throws IOException, InterruptedException, ApiUnavailableException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("product", product);
        body.put("method", "app-registration");
        body.put("tenant", tenant);
        body.put("clientId", clientId);
        body.put("clientSecret", clientSecret);
        body.put("permissionLevel", level);
        body.put("displayName", displayName);
        JsonHttp.Reply reply = http.post(baseUrl + "/connections", body);
        if (reply.status() != 201 && reply.status() != 200) {
            throw unavailable("POST /connections", reply);
        }
        return reply.json();
    }

    /** Changes a connection's permission level (an earlier run's connection, made at another level). */
    public JsonNode changeLevel(String connectionId, String level)
            throws IOException, InterruptedException, ApiUnavailableException {
        JsonHttp.Reply reply = http.patch(baseUrl + "/connections/" + connectionId, Map.of("permissionLevel", level));
        if (!reply.ok()) {
            throw unavailable("PATCH /connections/{id}", reply);
        }
        return reply.json();
    }

    /** Tests the connection again (fresh token, permissions, capability table). */
    public JsonNode test(String connectionId) throws IOException, InterruptedException, ApiUnavailableException {
        JsonHttp.Reply reply = http.post(baseUrl + "/connections/" + connectionId + "/test", null);
        if (!reply.ok()) {
            throw unavailable("POST /connections/{id}/test", reply);
        }
        return reply.json();
    }

    private static ApiUnavailableException unavailable(String call, JsonHttp.Reply reply) {
        String hint = switch (reply.status()) {
            case 404, 405 -> " (connection-service does not offer this endpoint yet)";
            case 401 -> " (the service did not accept the platform tenant's token: check its OIDC settings in the log)";
            case 403 -> " (the token lacks the role this endpoint needs)";
            default -> "";
        };
        return new ApiUnavailableException(call + " answered " + reply.explanation() + hint);
    }
}
