package io.m365platform.graph.error;

/** No HTTP answer: connection refused or reset, TLS failure, timeout. */
public final class GraphNetworkException extends GraphException {

    private final String method;
    private final String path;

    public GraphNetworkException(String method, String path, Throwable cause) {
        super("Graph " + method + " " + path + " failed without a response: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
