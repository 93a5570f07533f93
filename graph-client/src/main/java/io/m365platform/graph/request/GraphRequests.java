package io.m365platform.graph.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.ResponseHandlerOption;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;
import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.error.GraphErrorParser;
import io.m365platform.graph.error.GraphException;
import io.m365platform.graph.error.GraphNetworkException;
import io.m365platform.graph.throttle.ThrottlingGuard;
import io.m365platform.graph.token.failure.TokenException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * JSON calls to any Graph endpoint through the SDK's request adapter (auth, redirects, retry handler),
 * guarded by the throttle policy. Paths are relative to the Graph base URL ({@code /users/{id}});
 * absolute URLs (nextLink, deltaLink, monitor URLs) must be on the configured Graph origin.
 */
public final class GraphRequests {

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final RequestAdapter adapter;
    private final GraphEndpoints endpoints;
    private final ObjectMapper mapper;
    private final ThrottlingGuard guard;
    private final StreamingResponseHandler handler;
    private final HashMap<String, ParsableFactory<? extends Parsable>> errorMapping = new HashMap<>();

    GraphRequests(RequestAdapter adapter, GraphEndpoints endpoints, ObjectMapper mapper, ThrottlingGuard guard,
                  GraphErrorParser errors) {
        this.adapter = adapter;
        this.endpoints = endpoints;
        this.mapper = mapper;
        this.guard = guard;
        this.handler = new StreamingResponseHandler(errors);
        // Only used if a response slips past our handler; keeps Graph's error type as the SDK would.
        errorMapping.put("XXX", ODataError::createFromDiscriminatorValue);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public ThrottlingGuard guard() {
        return guard;
    }

    /** GET returning the JSON body. */
    public JsonNode get(String pathOrUrl) {
        return get(pathOrUrl, Map.of());
    }

    public JsonNode get(String pathOrUrl, Map<String, String> headers) {
        return send("GET", pathOrUrl, headers, null).body();
    }

    /** POST a JSON body (a JsonNode, a String holding JSON, a byte[] or any Jackson-serialisable object). */
    public GraphResponse post(String pathOrUrl, Object body) {
        return send("POST", pathOrUrl, Map.of(), body);
    }

    public GraphResponse patch(String pathOrUrl, Object body) {
        return send("PATCH", pathOrUrl, Map.of(), body);
    }

    public GraphResponse put(String pathOrUrl, Object body) {
        return send("PUT", pathOrUrl, Map.of(), body);
    }

    public GraphResponse delete(String pathOrUrl) {
        return send("DELETE", pathOrUrl, Map.of(), null);
    }

    /** Any method, with retries per the throttle policy (network retries only for idempotent methods). */
    public GraphResponse send(String method, String pathOrUrl, Map<String, String> headers, Object body) {
        String m = method.toUpperCase(Locale.ROOT);
        URI uri = resolve(pathOrUrl);
        byte[] content = body == null ? null : toJson(body);
        return guard.call(m + " " + uri.getRawPath(), IDEMPOTENT.contains(m), () -> {
            try (GraphResponseStream in = open(m, uri, headers, content)) {
                JsonNode json = readJson(in);
                return new GraphResponse(in.status(), in.headers(), json);
            } catch (IOException e) {
                throw new GraphNetworkException(m, uri.getRawPath(), e);
            }
        });
    }

    /**
     * A streamed GET (big collections, report CSVs) with retries before the body is handed over.
     * The caller closes the stream.
     */
    public GraphResponseStream stream(String pathOrUrl, Map<String, String> headers) {
        URI uri = resolve(pathOrUrl);
        return guard.call("GET " + uri.getRawPath(), true, () -> open("GET", uri, headers, null));
    }

    /**
     * One HTTP exchange without the throttle policy (the SDK's RetryHandler still applies). This is
     * the hybrid of the SDK's middleware with our own parsing:
     * {@code adapter.sendPrimitive(requestInfo, errorMapping, InputStream.class)} with a response
     * handler that keeps status and headers.
     *
     * @throws io.m365platform.graph.error.GraphRequestException non-2xx answer
     * @throws GraphNetworkException                                no answer
     */
    public GraphResponseStream open(String method, URI uri, Map<String, String> headers, byte[] jsonBody) {
        RequestInformation info = new RequestInformation();
        info.httpMethod = HttpMethod.valueOf(method);
        info.setUri(uri);
        info.headers.add("Accept", "application/json");
        headers.forEach(info.headers::add);
        if (jsonBody != null) {
            info.setStreamContent(new ByteArrayInputStream(jsonBody), "application/json");
        }
        ResponseHandlerOption option = new ResponseHandlerOption();
        option.setResponseHandler(handler);
        info.addRequestOptions(List.of(option));
        try {
            InputStream in = adapter.sendPrimitive(info, errorMapping, InputStream.class);
            if (in instanceof GraphResponseStream stream) {
                return stream;
            }
            throw new IllegalStateException("the request adapter bypassed the streaming response handler");
        } catch (GraphException | TokenException e) {
            throw e;   // a token failure (from the token supplier) is not a Graph network error
        } catch (RuntimeException e) {
            TokenException token = tokenCause(e);
            if (token != null) {
                throw token;
            }
            IOException io = ioCause(e);
            if (io != null) {
                throw new GraphNetworkException(method, uri.getRawPath(), io);
            }
            throw e;
        }
    }

    /** Absolute URI for a path relative to the Graph base, or a checked absolute URL on the Graph origin. */
    public URI resolve(String pathOrUrl) {
        if (pathOrUrl == null || pathOrUrl.isBlank()) {
            throw new IllegalArgumentException("Graph path is required");
        }
        if (pathOrUrl.regionMatches(true, 0, "https://", 0, 8) || pathOrUrl.regionMatches(true, 0, "http://", 0, 7)) {
            URI uri = URI.create(pathOrUrl);
            String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
            if (!origin.equals(endpoints.graphOrigin().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("refusing to follow a link off the Graph origin "
                        + endpoints.graphOrigin() + ": " + origin);
            }
            return uri;
        }
        String path = pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl;
        return URI.create(endpoints.graphBase() + path);
    }

    private JsonNode readJson(GraphResponseStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return null;
        }
        String type = in.header("Content-Type").orElse("application/json").toLowerCase(Locale.ROOT);
        if (!type.contains("json")) {
            return mapper.getNodeFactory().textNode(new String(bytes, StandardCharsets.UTF_8));
        }
        return mapper.readTree(bytes);
    }

    private byte[] toJson(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the request body", e);
        }
    }

    static TokenException tokenCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TokenException te) {
                return te;
            }
        }
        return null;
    }

    static IOException ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
