package io.m365platform.graphsim.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The route table. Routes may be added while the server runs (modules register at start). */
public final class Router {
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    public void add(Route route) {
        for (Route existing : routes) {
            if (existing.method().equals(route.method()) && existing.template().equalsIgnoreCase(route.template())) {
                throw new IllegalArgumentException("Duplicate route " + route.key());
            }
        }
        routes.add(route);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The outcome of matching a path: the route and its variables, or whether only the method was wrong. */
    public record Match(Route route, Map<String, String> variables, boolean methodNotAllowed) {
    }

    public Match match(String method, String path) {
        String[] segments = (path.startsWith("/") ? path.substring(1) : path).split("/", -1);
        Route best = null;
        Map<String, String> bestVars = null;
        boolean pathMatched = false;
        for (Route route : routes) {
            Map<String, String> vars = route.match(segments);
            if (vars == null) {
                continue;
            }
            pathMatched = true;
            if (!route.method().equals(method)) {
                continue;
            }
            if (best == null || route.compareSpecificity(best) > 0) {
                best = route;
                bestVars = vars;
            }
        }
        if (best != null) {
            return new Match(best, bestVars, false);
        }
        return new Match(null, Map.of(), pathMatched);
    }
}
