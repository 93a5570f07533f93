package io.m365platform.graph.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.kiota.ApiException;
import com.microsoft.graph.models.odataerrors.ODataError;
import io.m365platform.graph.retry.RetryAfter;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds {@link GraphRequestException}s from Graph's error JSON and headers, or from the SDK's {@link ApiException}. */
public final class GraphErrorParser {

    /** Error bodies are small; never buffer more than this of one. */
    static final int MAX_ERROR_BODY = 64 * 1024;

    private final ObjectMapper mapper;
    private final Clock clock;

    public GraphErrorParser(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param headers response headers (any case)
     * @param body    the error body, read up to 64 KiB; may be null
     */
    public GraphRequestException parse(String method, URI uri, int status, Map<String, List<String>> headers,
                                       InputStream body) {
        String code = null;
        String message = null;
        String requestId = header(headers, "request-id");
        String clientRequestId = header(headers, "client-request-id");
        if (body != null) {
            try (InputStream in = body) {
                byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
                JsonNode error = bytes.length == 0 ? null : mapper.readTree(bytes).get("error");
                if (error != null && error.isObject()) {
                    code = text(error, "code");
                    message = text(error, "message");
                    JsonNode inner = error.has("innerError") ? error.get("innerError") : error.get("innererror");
                    if (inner != null && inner.isObject()) {
                        requestId = firstNonNull(text(inner, "request-id"), requestId);
                        clientRequestId = firstNonNull(text(inner, "client-request-id"), clientRequestId);
                    }
                }
            } catch (IOException | RuntimeException notJson) {
                // Not Graph's JSON (a proxy's HTML page, a truncated body): status and headers still tell enough.
            }
        }
        Duration retryAfter = RetryAfter.parse(header(headers, "Retry-After"), clock).orElse(null);
        return new GraphRequestException(method, pathOf(uri), status, code, message, requestId, clientRequestId,
                retryAfter, null);
    }

    /** Converts an SDK error (generated fluent API) so callers and the throttling guard see one type. */
    public GraphRequestException fromApiException(String method, URI uri, ApiException e) {
        String code = null;
        String message = null;
        String requestId = null;
        String clientRequestId = null;
        if (e instanceof ODataError odata && odata.getError() != null) {
            code = odata.getError().getCode();
            message = odata.getError().getMessage();
            if (odata.getError().getInnerError() != null) {
                requestId = odata.getError().getInnerError().getRequestId();
                clientRequestId = odata.getError().getInnerError().getClientRequestId();
            }
        }
        Map<String, Set<String>> raw = e.getResponseHeaders();
        if (requestId == null) {
            requestId = firstOf(raw, "request-id");
        }
        Duration retryAfter = RetryAfter.parse(firstOf(raw, "Retry-After"), clock).orElse(null);
        return new GraphRequestException(method, uri == null ? "(sdk request)" : pathOf(uri), e.getResponseStatusCode(),
                code, message, requestId, clientRequestId, retryAfter, e);
    }

    public static String pathOf(URI uri) {
        return uri == null ? "" : uri.getRawPath();
    }

    private static String firstOf(Map<String, Set<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, Set<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && h.getValue() != null && !h.getValue().isEmpty()) {
                return h.getValue().iterator().next();
            }
        }
        return null;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && h.getValue() != null && !h.getValue().isEmpty()) {
                return h.getValue().getFirst();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
