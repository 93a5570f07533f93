package io.m365platform.graph.error;

/**
 * A failed Graph call, one of: {@link GraphRequestException} (Graph answered with an error status),
 * {@link GraphNetworkException} (no answer) or {@link GraphThrottledException} (retries used up while
 * throttled or unavailable: checkpoint and resume later). Messages never contain tokens.
 */
public abstract sealed class GraphException extends RuntimeException
        permits GraphRequestException, GraphNetworkException, GraphThrottledException {

    GraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
