package io.m365platform.graphsim.http;

import java.io.IOException;

/** An error of the simulator's own control API: {"error":"...","status":n}. */
public final class ControlException extends HttpProblem {
    public ControlException(int status, String message) {
        super(status, message);
    }

    public static ControlException badRequest(String message) {
        return new ControlException(400, message);
    }

    public static ControlException notFound(String message) {
        return new ControlException(404, message);
    }

    @Override
    public void write(SimRequest request, SimResponse response) throws IOException {
        response.json(status(), g -> {
            g.writeStartObject();
            g.writeStringField("error", getMessage());
            g.writeNumberField("status", status());
            g.writeEndObject();
        });
    }
}
