package io.m365platform.graph.testsupport;

import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.config.Timeouts;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.Tenant;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Graph simulator per test JVM (started on a free port on first use), with helpers to make an
 * isolated tenant and app per test class so tests don't see each other's mutations.
 */
public final class SimulatorFixture {

    public static final String REDIRECT_URI = "https://platform.example/connections/callback";

    private static final AtomicLong SEEDS = new AtomicLong(7_000);
    private static volatile GraphSimulator simulator;

    private SimulatorFixture() {
    }

    public static synchronized GraphSimulator simulator() {
        if (simulator == null) {
            GraphSimulator started = GraphSimulator.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "graph-simulator-stop"));
            simulator = started;
        }
        return simulator;
    }

    /** Endpoints of the running simulator, trusting only its certificate. */
    public static GraphEndpoints endpoints() {
        GraphSimulator sim = simulator();
        return GraphEndpoints.simulator(URI.create(sim.baseUrl()), sim.certificatePem())
                .withTimeouts(new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)));
    }

    /** A fresh generated tenant with {@code users} users. */
    public static Tenant newTenant(int users) {
        return simulator().tenants().generate(SEEDS.incrementAndGet(), users);
    }

    /** Registers an app with application and delegated permissions, one valid secret and our redirect URI. */
    public static RegisteredApp registerApp(Tenant tenant, Set<String> applicationPermissions, Set<String> delegatedPermissions) {
        return tenant.apps().register(new Registration(null, "graph-client test app", applicationPermissions,
                delegatedPermissions, List.of(REDIRECT_URI), List.of(Duration.ofDays(365)), List.of()));
    }

    /** Registers an app whose only secret expired yesterday. */
    public static RegisteredApp registerAppWithExpiredSecret(Tenant tenant) {
        return tenant.apps().register(new Registration(null, "expired secret app", Set.of("User.Read.All"), Set.of(),
                List.of(), List.of(Duration.ofDays(-1)), List.of()));
    }

    /**
     * Requests to the token endpoint of {@code tenantSegment} (id or domain, as in the URL) so far. The
     * simulator logs a request after answering it, so this waits until the count has been stable for a
     * moment (at most 3 s) instead of racing the log.
     */
    public static long tokenRequests(String tenantSegment) {
        String path = "/" + tenantSegment + "/oauth2/v2.0/token";
        long deadline = System.nanoTime() + 3_000_000_000L;
        long last = -1;
        while (true) {
            long now = simulator().requestLog().entries().stream().filter(e -> e.path().equalsIgnoreCase(path)).count();
            if (now == last || System.nanoTime() > deadline) {
                return now;
            }
            last = now;
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
        }
    }

}
