package io.m365platform.graphsim.http;

/** Handles one matched request. Throw an {@link HttpProblem} for an error answer. */
@FunctionalInterface
public interface RouteHandler {
    void handle(SimRequest request, SimResponse response) throws Exception;
}
