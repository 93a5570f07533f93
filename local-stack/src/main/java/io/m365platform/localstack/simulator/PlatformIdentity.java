package io.m365platform.localstack.simulator;

import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The services' OIDC provider of the local run: the simulator's "platform" tenant. Its tokens are RS256 JWTs,
 * published keys and OIDC discovery at {@code {base}/{tenantId}/v2.0/.well-known/openid-configuration}; app
 * tokens carry the app's roles in {@code roles}, which is where the services read operator / admin / service.
 *
 * <p>Like Entra ID v1 app tokens, they are issued by {@code https://sts.windows.net/{tenantId}/} (not the
 * discovery document's issuer), so the services are told that issuer explicitly. The simulator only mints tokens
 * for the Graph resource, so their audience is {@code https://graph.microsoft.com}; in production the audience is
 * the platform API's own app id URI (see deploy/README.md).
 */
public final class PlatformIdentity {

    public static final String OPERATOR_ROLE = "operator";
    public static final String ADMIN_ROLE = "admin";
    public static final String SERVICE_ROLE = "service";
    /** The only scope the simulator accepts for app tokens. */
    public static final String SCOPE = "https://graph.microsoft.com/.default";
    public static final String AUDIENCE = "https://graph.microsoft.com";

    private final GraphSimulator simulator;
    private final Tenant tenant;
    private final RegisteredApp operatorApp;
    private final RegisteredApp serviceApp;

    private PlatformIdentity(GraphSimulator simulator, Tenant tenant, RegisteredApp operatorApp, RegisteredApp serviceApp) {
        this.simulator = simulator;
        this.tenant = tenant;
        this.operatorApp = operatorApp;
        this.serviceApp = serviceApp;
    }

    /**
     * Creates the platform tenant and its two apps. Ids and secrets follow from the seed; a given secret replaces
     * the generated one (docker-compose sets them, because its services are configured before the simulator runs).
     */
    static PlatformIdentity create(GraphSimulator simulator, long seed, Optional<String> operatorSecret,
                                   Optional<String> serviceSecret) {
        // A different seed than the demo tenant's: the two tenants must not share ids.
        Tenant tenant = simulator.tenants().generate(new GenerationSpec(seed + 1_000_003L, 2, "platform"));
        // One random per app: an app's ids do not depend on whether the other app's secret was given.
        RegisteredApp operator = tenant.apps().register(registration("M365 platform operator console",
                Set.of(OPERATOR_ROLE, ADMIN_ROLE), operatorSecret), new Random(seed * 31 + 1));
        RegisteredApp service = tenant.apps().register(registration("M365 platform services",
                Set.of(SERVICE_ROLE), serviceSecret), new Random(seed * 31 + 2));
        return new PlatformIdentity(simulator, tenant, operator, service);
    }

    private static Registration registration(String name, Set<String> roles, Optional<String> secret) {
        return new Registration(null, name, roles, Set.of(), List.of(), List.of(Duration.ofDays(365)),
                secret.map(List::of).orElse(List.of()));
    }

    public String tenantId() {
        return tenant.id();
    }

    /** quarkus.oidc.auth-server-url: discovery lives under it. */
    public String authServerUrl() {
        return simulator.baseUrl() + "/" + tenant.id() + "/v2.0";
    }

    /** The {@code iss} of the tokens (Entra v1 access-token issuer). */
    public String issuer() {
        return "https://sts.windows.net/" + tenant.id() + "/";
    }

    public String tokenUrl() {
        return simulator.tokenUrl(tenant.id());
    }

    public RegisteredApp operatorApp() {
        return operatorApp;
    }

    public RegisteredApp serviceApp() {
        return serviceApp;
    }
}
