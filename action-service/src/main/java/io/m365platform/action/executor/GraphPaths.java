package io.m365platform.action.executor;

import io.m365platform.graph.error.GraphRequestException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path building and Graph answer checks shared by the executors. */
final class GraphPaths {

    /** Graph's own URL in {@code $ref} / {@code @odata.bind} bodies, whatever base URL is configured. */
    static final String GRAPH = "https://graph.microsoft.com/v1.0";

    private GraphPaths() {
    }

    /** One path segment (an id or a UPN, which may hold {@code #} or {@code '}). */
    static String seg(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String user(String idOrUpn) {
        return "/users/" + seg(idOrUpn);
    }

    /** Graph's "already so" answer to adding an existing member (400 Request_BadRequest). */
    static boolean alreadyExists(GraphRequestException e) {
        return e.status() == 400 && e.graphMessage() != null
                && e.graphMessage().contains("added object references already exist");
    }

    static String text(com.fasterxml.jackson.databind.JsonNode node, String field) {
        com.fasterxml.jackson.databind.JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
