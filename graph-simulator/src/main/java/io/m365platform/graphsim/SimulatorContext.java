package io.m365platform.graphsim;

import io.m365platform.graphsim.auth.PermissionRule;
import io.m365platform.graphsim.faults.Faults;
import io.m365platform.graphsim.http.Route;
import io.m365platform.graphsim.http.RouteHandler;
import io.m365platform.graphsim.http.RouteKind;
import io.m365platform.graphsim.http.Router;
import io.m365platform.graphsim.identity.GrantStore;
import io.m365platform.graphsim.identity.SigningKey;
import io.m365platform.graphsim.identity.TokenIssuer;

/**
 * What a {@link SimulatorModule} gets at start: route registration and the simulator's shared services.
 */
public final class SimulatorContext {
    private final Router router;
    private final Tenants tenants;
    private final SimClock clock;
    private final Faults faults;
    private final SigningKey signingKey;
    private final TokenIssuer tokens;
    private final GrantStore grants;
    private final String baseUrl;

    SimulatorContext(Router router, Tenants tenants, SimClock clock, Faults faults, SigningKey signingKey,
                     TokenIssuer tokens, GrantStore grants, String baseUrl) {
        this.router = router;
        this.tenants = tenants;
        this.clock = clock;
        this.faults = faults;
        this.signingKey = signingKey;
        this.tokens = tokens;
        this.grants = grants;
        this.baseUrl = baseUrl;
    }

    /** A Graph endpoint: bearer token verified, caller and tenant set on the request, {@code permission} enforced. */
    public void graph(String method, String template, PermissionRule permission, RouteHandler handler) {
        router.add(new Route(method, template, RouteKind.GRAPH, permission, handler));
    }

    /** An Entra ID endpoint (no bearer; errors in AADSTS JSON). */
    public void identity(String method, String template, RouteHandler handler) {
        router.add(new Route(method, template, RouteKind.IDENTITY, null, handler));
    }

    /** A control-API endpoint under /_sim. */
    public void control(String method, String template, RouteHandler handler) {
        if (!template.startsWith("/_sim/")) {
            throw new IllegalArgumentException("Control routes live under /_sim/: " + template);
        }
        router.add(new Route(method, template, RouteKind.CONTROL, null, handler));
    }

    /** An unauthenticated URL the simulator hands out (pre-authenticated downloads, copy monitors). */
    public void publicRoute(String method, String template, RouteHandler handler) {
        router.add(new Route(method, template, RouteKind.PUBLIC, null, handler));
    }

    public Tenants tenants() {
        return tenants;
    }

    public SimClock clock() {
        return clock;
    }

    public Faults faults() {
        return faults;
    }

    public SigningKey signingKey() {
        return signingKey;
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    public GrantStore grants() {
        return grants;
    }

    /** https://127.0.0.1:PORT */
    public String baseUrl() {
        return baseUrl;
    }

    /** https://127.0.0.1:PORT/v1.0 */
    public String graphBaseUrl() {
        return baseUrl + "/v1.0";
    }
}
