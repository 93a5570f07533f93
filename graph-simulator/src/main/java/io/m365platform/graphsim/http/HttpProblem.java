package io.m365platform.graphsim.http;

/**
 * An error answer that knows its own wire format (Graph error JSON, AADSTS JSON, control-API JSON). Handlers throw
 * it; the dispatcher writes it. It is an exception so that deep code (filter parsing, lookups) can abort a request.
 */
public abstract class HttpProblem extends RuntimeException {
    private final int status;

    protected HttpProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Writes the complete error response. */
    public abstract void write(SimRequest request, SimResponse response) throws java.io.IOException;
}
