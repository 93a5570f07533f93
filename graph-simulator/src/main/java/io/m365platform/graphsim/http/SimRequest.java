package io.m365platform.graphsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One incoming request as the handlers see it: decoded path, decoded query parameters ({@code %24select} arrives
 * as {@code $select}), path variables of the matched route, the request/correlation ids, and — for Graph routes —
 * the authenticated caller.
 */
public final class SimRequest {
    /** Bodies larger than this are refused: the simulator never needs them and must not be made to buffer them. */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final HttpExchange exchange;
    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, String> query;
    private final String requestId = UUID.randomUUID().toString();
    private final String clientRequestId;
    private final String baseUrl;
    private Map<String, String> pathVariables = Map.of();
    private io.m365platform.graphsim.auth.Caller caller;
    private io.m365platform.graphsim.tenant.Tenant tenant;
    private byte[] body;

    public SimRequest(HttpExchange exchange, String baseUrl) {
        this.exchange = exchange;
        this.method = exchange.getRequestMethod().toUpperCase();
        this.path = exchange.getRequestURI().getPath();
        this.rawQuery = exchange.getRequestURI().getRawQuery();
        this.query = parseQuery(rawQuery);
        String sent = exchange.getRequestHeaders().getFirst("client-request-id");
        this.clientRequestId = sent == null || sent.isBlank() ? requestId : sent;
        this.baseUrl = baseUrl;
    }

    /** Parses a raw query string; names and values are percent-decoded, the first value of a name wins. */
    public static Map<String, String> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.putIfAbsent(name, value);
        }
        return Collections.unmodifiableMap(result);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("Malformed percent-encoding in query: " + s);
        }
    }

    public HttpExchange exchange() {
        return exchange;
    }

    public String method() {
        return method;
    }

    /** The decoded path, e.g. {@code /v1.0/users/a#EXT#@x.onmicrosoft.com}. */
    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public Map<String, String> query() {
        return query;
    }

    public String query(String name) {
        return query.get(name);
    }

    public String header(String name) {
        return exchange.getRequestHeaders().getFirst(name);
    }

    public Headers headers() {
        return exchange.getRequestHeaders();
    }

    public String requestId() {
        return requestId;
    }

    public String clientRequestId() {
        return clientRequestId;
    }

    /** Scheme, host and port of the simulator, e.g. {@code https://127.0.0.1:43117}: links point here. */
    public String baseUrl() {
        return baseUrl;
    }

    public String pathVariable(String name) {
        String value = pathVariables.get(name);
        if (value == null) {
            throw new IllegalStateException("Route has no path variable " + name);
        }
        return value;
    }

    public Map<String, String> pathVariables() {
        return pathVariables;
    }

    /** Set by the dispatcher from the matched route. */
    public void pathVariables(Map<String, String> variables) {
        this.pathVariables = variables;
    }

    /** The authenticated caller (set by the dispatcher for Graph routes; {@code null} elsewhere). */
    public io.m365platform.graphsim.auth.Caller caller() {
        return caller;
    }

    /** The caller's tenant (Graph routes: from the token's tid). */
    public io.m365platform.graphsim.tenant.Tenant tenant() {
        return tenant;
    }

    public void authenticate(io.m365platform.graphsim.auth.Caller caller, io.m365platform.graphsim.tenant.Tenant tenant) {
        this.caller = caller;
        this.tenant = tenant;
    }

    public byte[] body() throws IOException {
        if (body == null) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                throw new ControlException(413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
            }
        }
        return body;
    }

    public String bodyText() throws IOException {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The body as JSON; a clear 400 (Graph shape) when it is not JSON. */
    public JsonNode bodyJson() throws IOException {
        byte[] bytes = body();
        if (bytes.length == 0) {
            throw GraphException.badRequest("Empty request body; a JSON object was expected.");
        }
        try {
            return Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw GraphException.badRequest("Request body is not valid JSON: " + e.getMessage());
        }
    }

    /** An application/x-www-form-urlencoded body (token endpoint). */
    public Map<String, String> form() throws IOException {
        return parseQuery(bodyText());
    }
}
