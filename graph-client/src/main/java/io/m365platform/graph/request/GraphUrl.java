package io.m365platform.graph.request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a Graph path with correctly encoded OData query options, e.g.
 * {@code GraphUrl.path("/users").select("id", "displayName").top(999).filter("accountEnabled eq false")}.
 * Option names keep their {@code $}; values are percent-encoded (spaces as %20, '#' of guest UPNs as %23).
 */
public final class GraphUrl {

    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();

    private GraphUrl(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("path must start with '/' and carry no query: " + path);
        }
        this.path = path;
    }

    public static GraphUrl path(String path) {
        return new GraphUrl(path);
    }

    /** Adds a path segment, percent-encoded (ids, UPNs: '#' of guests → %23, '/' → %2F). */
    public GraphUrl segment(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("path segment is empty");
        }
        String encoded = URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
        return new GraphUrl(path + "/" + encoded).withQuery(query);
    }

    private GraphUrl withQuery(Map<String, String> q) {
        query.putAll(q);
        return this;
    }

    public GraphUrl param(String name, String value) {
        query.put(name, value);
        return this;
    }

    public GraphUrl select(String... properties) {
        return param("$select", String.join(",", properties));
    }

    public GraphUrl filter(String expression) {
        return param("$filter", expression);
    }

    public GraphUrl expand(String expression) {
        return param("$expand", expression);
    }

    public GraphUrl top(int top) {
        return param("$top", Integer.toString(top));
    }

    public GraphUrl count() {
        return param("$count", "true");
    }

    /** The path with its encoded query, relative to the Graph base URL. */
    public String build() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path).append('?');
        boolean first = true;
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (!first) {
                sb.append('&');
            }
            first = false;
            sb.append(e.getKey()).append('=').append(encode(e.getValue()));
        }
        return sb.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                // Keep OData's separators readable; they are legal in a query component.
                .replace("%2C", ",").replace("%24", "$").replace("%28", "(").replace("%29", ")")
                .replace("%27", "'").replace("%3A", ":").replace("%2F", "/");
    }

    @Override
    public String toString() {
        return build();
    }
}
