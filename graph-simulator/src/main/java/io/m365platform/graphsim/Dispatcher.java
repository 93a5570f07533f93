package io.m365platform.graphsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.m365platform.graphsim.control.EndpointCounters;
import io.m365platform.graphsim.control.RequestLog;
import io.m365platform.graphsim.faults.FaultRule;
import io.m365platform.graphsim.faults.Faults;
import io.m365platform.graphsim.http.ControlException;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.HttpProblem;
import io.m365platform.graphsim.http.RouteKind;
import io.m365platform.graphsim.http.Router;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.identity.AadError;
import io.m365platform.graphsim.identity.GraphTokenVerifier;
import io.m365platform.graphsim.identity.SigningKey;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantException;

import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The single HTTP entry point: request ids, fault injection, routing, Graph authentication and permission
 * checks, error mapping per route kind, request log and counters.
 */
final class Dispatcher implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final Router router;
    private final Faults faults;
    private final GraphTokenVerifier verifier;
    private final Tenants tenants;
    private final RequestLog log;
    private final EndpointCounters counters;
    private volatile String baseUrl;

    Dispatcher(Router router, Faults faults, GraphTokenVerifier verifier, Tenants tenants, RequestLog log, EndpointCounters counters) {
        this.router = router;
        this.faults = faults;
        this.verifier = verifier;
        this.tenants = tenants;
        this.log = log;
        this.counters = counters;
    }

    void baseUrl(String url) {
        this.baseUrl = url;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        SimRequest req = null;
        SimResponse res = new SimResponse(exchange);
        String routeKey = exchange.getRequestMethod() + " (unmatched)";
        RouteKind kind = kindOf(exchange.getRequestURI().getPath());
        String[] fault = new String[1];
        String[] routeKeyRef = {routeKey};
        try {
            req = new SimRequest(exchange, baseUrl);
            SimRequest request = req;
            res.onCommit(status -> {
                counters.record(routeKeyRef[0], status);
                log.add(new RequestLog.Entry(Instant.now(), request.method(), request.path(), request.rawQuery(), routeKeyRef[0], status,
                        (System.nanoTime() - start) / 1000, request.tenant() != null ? request.tenant().id() : null,
                        request.caller() != null ? request.caller().appId() : null, request.requestId(), request.clientRequestId(), fault[0]));
            });
            res.header("request-id", req.requestId());
            res.header("client-request-id", req.clientRequestId());
            // Read the whole body before any answer, fault answers included: a body left unread on a kept-alive
            // HTTPS connection can hold the client's next request on that connection until the client times out.
            if (!"GET".equals(req.method()) && !"HEAD".equals(req.method())) {
                req.body();
            }
            Router.Match match = router.match(req.method(), req.path());
            if (match.route() != null) {
                routeKey = match.route().key();
                routeKeyRef[0] = routeKey;
                kind = match.route().kind();
                req.pathVariables(match.variables());
            }
            Faults.Decision decision = faults.evaluate(req.method(), req.path(), tenantHint(req, match));
            if (!decision.latency().isZero()) {
                fault[0] = "latency " + decision.latency().toMillis() + "ms";
                Thread.sleep(decision.latency());
            }
            if (decision.terminal() != null) {
                FaultRule rule = decision.terminal();
                fault[0] = rule.kind() == FaultRule.Kind.CONNECTION_RESET ? "connection reset" : "status " + rule.statusCode();
                if (rule.kind() == FaultRule.Kind.CONNECTION_RESET) {
                    res.abortConnection();
                    return;
                }
                throw faultError(rule, kind);
            }
            if (match.route() == null) {
                throw notFound(req, kind, match.methodNotAllowed());
            }
            if (kind == RouteKind.GRAPH) {
                GraphTokenVerifier.Verified v = verifier.verify(req.header("Authorization"));
                req.authenticate(v.caller(), v.tenant());
                match.route().permission().check(v.caller());
            }
            match.route().handler().handle(req, res);
            if (!res.committed()) {
                throw new IllegalStateException("Handler of " + routeKey + " wrote no response");
            }
        } catch (HttpProblem p) {
            writeProblem(req, res, p);
        } catch (TenantException e) {
            writeProblem(req, res, fromTenantException(e, kind));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            res.abortConnection();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Unexpected error on " + routeKey, e);
            writeProblem(req, res, kind == RouteKind.GRAPH
                    ? new GraphException(500, "generalException", "An unexpected error occurred: " + e.getClass().getSimpleName())
                    : new ControlException(500, "Unexpected error: " + e));
        } finally {
            if (!res.committed()) {
                counters.record(routeKeyRef[0], 0); // nothing could be written (e.g. unreadable request)
            }
            exchange.close();
        }
    }

    private static RouteKind kindOf(String path) {
        if (path.startsWith("/v1.0/") || path.equals("/v1.0") || path.startsWith("/beta/")) {
            return RouteKind.GRAPH;
        }
        if (path.startsWith("/_sim/")) {
            return RouteKind.CONTROL;
        }
        return RouteKind.IDENTITY;
    }

    /** The tenant a request is about, for tenant-scoped fault rules (Graph: the token's tid; identity: the path). */
    private String tenantHint(SimRequest req, Router.Match match) {
        String auth = req.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Map<String, Object> claims = SigningKey.peek(auth.substring(7).trim());
            if (claims != null && claims.get("tid") != null) {
                return String.valueOf(claims.get("tid")).toLowerCase();
            }
        }
        String t = match.variables().get("tenant");
        if (t != null) {
            Tenant tenant = tenants.find(t);
            return tenant != null ? tenant.id() : t.toLowerCase();
        }
        return null;
    }

    private static HttpProblem faultError(FaultRule rule, RouteKind kind) {
        int status = rule.statusCode();
        if (kind == RouteKind.IDENTITY) {
            return new AadError(status, status == 429 ? "temporarily_unavailable" : "server_error", 90033,
                    rule.message() != null ? rule.message() : "A transient error has occurred. Please try again.");
        }
        String code = rule.code() != null ? rule.code() : switch (status) {
            case 429 -> "TooManyRequests";
            case 503 -> "serviceNotAvailable";
            case 504 -> "gatewayTimeout";
            default -> status >= 500 ? "generalException" : "BadRequest";
        };
        String message = rule.message() != null ? rule.message() : switch (status) {
            case 429 -> "Too many requests. Retry after the time given in the Retry-After header.";
            case 503 -> "The service is temporarily unavailable. Please retry later.";
            case 504 -> "The request timed out.";
            default -> "Injected fault.";
        };
        GraphException e = new GraphException(status, code, message);
        if (rule.retryAfterSeconds() != null) {
            e.header("Retry-After", String.valueOf(rule.retryAfterSeconds()));
        }
        return e;
    }

    private static HttpProblem notFound(SimRequest req, RouteKind kind, boolean methodNotAllowed) {
        if (kind == RouteKind.GRAPH) {
            if (methodNotAllowed) {
                return new GraphException(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
            }
            String last = req.path().substring(req.path().lastIndexOf('/') + 1);
            return new GraphException(400, "BadRequest", "Resource not found for the segment '" + last + "'.");
        }
        if (kind == RouteKind.IDENTITY) {
            return new AadError(404, "invalid_request", 90019, "No endpoint " + req.method() + " " + req.path() + " on this identity provider.");
        }
        return new ControlException(methodNotAllowed ? 405 : 404, "No control endpoint " + req.method() + " " + req.path());
    }

    private static HttpProblem fromTenantException(TenantException e, RouteKind kind) {
        if (kind == RouteKind.GRAPH) {
            return switch (e.kind()) {
                case NOT_FOUND -> new GraphException(404, "Request_ResourceNotFound", e.getMessage());
                case CONFLICT, INVALID -> new GraphException(400, "Request_BadRequest", e.getMessage());
            };
        }
        return new ControlException(switch (e.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
        }, e.getMessage());
    }

    private static void writeProblem(SimRequest req, SimResponse res, HttpProblem p) {
        if (req == null || res.committed()) {
            return;
        }
        try {
            p.write(req, res);
        } catch (Exception e) {
            LOG.log(Level.FINE, "Could not write error response", e);
        }
    }
}
