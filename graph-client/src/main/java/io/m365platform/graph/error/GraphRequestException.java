package io.m365platform.graph.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Graph answered with a non-2xx status. Carries Graph's error JSON ({@code error.code},
 * {@code error.message}, {@code innerError.request-id}) and the {@code Retry-After} header.
 */
public final class GraphRequestException extends GraphException {

    private final String method;
    private final String path;
    private final int status;
    private final String code;
    private final String graphMessage;
    private final String requestId;
    private final String clientRequestId;
    private final Duration retryAfter;

    public GraphRequestException(String method, String path, int status, String code, String graphMessage,
                                 String requestId, String clientRequestId, Duration retryAfter, Throwable cause) {
        super(describe(method, path, status, code, graphMessage, requestId), cause);
        this.method = method;
        this.path = path;
        this.status = status;
        this.code = code;
        this.graphMessage = graphMessage;
        this.requestId = requestId;
        this.clientRequestId = clientRequestId;
        this.retryAfter = retryAfter;
    }

    private static String describe(String method, String path, int status, String code, String message,
                                   String requestId) {
        return "Graph " + method + " " + path + " returned " + status
                + (code == null ? "" : " " + code)
                + (message == null ? "" : ": " + message)
                + (requestId == null ? "" : " (request-id " + requestId + ")");
    }

    public String method() {
        return method;
    }

    /** Request path without the query (queries may carry user names). */
    public String path() {
        return path;
    }

    public int status() {
        return status;
    }

    /** {@code error.code}, e.g. {@code Authorization_RequestDenied}, {@code syncStateNotFound}; may be null. */
    public String code() {
        return code;
    }

    public String graphMessage() {
        return graphMessage;
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    public Optional<String> clientRequestId() {
        return Optional.ofNullable(clientRequestId);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 429, 503, 504: Graph asks us to come back later. */
    public boolean isThrottlingOrUnavailable() {
        return status == 429 || status == 503 || status == 504;
    }

    /** 403: the token lacks a permission (or the admin user a role). */
    public boolean isForbidden() {
        return status == 403;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** Delta token no longer usable: run a full resync. */
    public boolean isDeltaTokenExpired() {
        return "syncStateNotFound".equalsIgnoreCase(code) || "resyncRequired".equalsIgnoreCase(code)
                || (status == 410 && code == null);
    }
}
