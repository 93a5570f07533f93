package io.m365platform.sync.support;

import io.m365platform.contracts.connection.ConnectionCreated;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionState;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.ConnectionStatusChanged;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.tenant.AppOperations;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantGenerator;
import io.m365platform.service.events.EventPublisher;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.RunStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Creates a simulated tenant with a registered app and announces it to sync-service the way connection-service
 * does: a connection event on {@code m365.connections}. Waits for runs.
 */
@Singleton
public class TestConnections {

    /** Every read permission sync-service uses (AuditLog.Read.All: users' signInActivity). */
    public static final Set<String> ALL_READ = Set.of("User.Read.All", "GroupMember.Read.All", "Organization.Read.All",
            "RoleManagement.Read.Directory", "Directory.Read.All", "TeamMember.Read.All", "Channel.ReadBasic.All",
            "TeamsAppInstallation.ReadForUser.All", "AuditLog.Read.All");

    @Inject
    EventPublisher publisher;

    @Inject
    SimulatorTokenSource tokens;

    @Inject
    RunRepository runs;

    @Inject
    io.m365platform.sync.connection.ConnectionRepository connectionRepository;

    /** A tenant, its registered app and the connection id sync-service knows it by. */
    public record TestConnection(String connectionId, Tenant tenant, AppOperations.RegisteredApp app,
                                 Set<String> permissions, Product product) {
    }

    public TestConnection connect(GraphSimulator simulator, String name, long seed, int users, Set<String> permissions,
                                  Product product) {
        return connect(simulator, simulator.tenants().generate(new GenerationSpec(seed, users, name)), permissions,
                product);
    }

    /** Connects an existing simulated tenant (e.g. one a test prepared faults for). */
    public TestConnection connect(GraphSimulator simulator, Tenant tenant, Set<String> permissions, Product product) {
        AppOperations.RegisteredApp app = TenantGenerator.registerDemoApp(tenant, permissions, Set.of(), List.of());
        String connectionId = UUID.randomUUID().toString();
        tokens.register(connectionId, tenant.id(), app.clientId(), app.secret());
        Instant now = Instant.now();
        publish(new ConnectionCreated(state(connectionId, tenant, app, permissions, product, ConnectionStatus.CONNECTED,
                now), "test", now));
        return new TestConnection(connectionId, tenant, app, permissions, product);
    }

    /**
     * A generated tenant sync-service knows as connected with every read permission, without a connection event: no
     * run starts until the test starts one (on this instance or another).
     */
    public TestConnection known(GraphSimulator simulator, String name, long seed, int users) {
        Tenant tenant = simulator.tenants().generate(new GenerationSpec(seed, users, name));
        AppOperations.RegisteredApp app = TenantGenerator.registerDemoApp(tenant, ALL_READ, Set.of(), List.of());
        String connectionId = UUID.randomUUID().toString();
        tokens.register(connectionId, tenant.id(), app.clientId(), app.secret());
        connectionRepository.apply(connectionId, tenant.id(), Product.MICROSOFT_365.wireName(), "connected", ALL_READ,
                Instant.now());
        return new TestConnection(connectionId, tenant, app, ALL_READ, Product.MICROSOFT_365);
    }

    public void changeStatus(TestConnection c, ConnectionStatus status, ConnectionStatus previous) {
        Instant now = Instant.now();
        publish(new ConnectionStatusChanged(state(c.connectionId(), c.tenant(), c.app(), c.permissions(), c.product(),
                status, now), previous, now));
    }

    private static ConnectionState state(String connectionId, Tenant tenant, AppOperations.RegisteredApp app,
                                         Set<String> permissions, Product product, ConnectionStatus status,
                                         Instant now) {
        return new ConnectionState(connectionId, tenant.id(), product, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ, "test " + tenant.id(), status, null, null, app.clientId(),
                permissions.stream().sorted().toList(), List.of(), null, now, now, now);
    }

    public void publish(io.m365platform.contracts.PlatformEvent event) {
        EventPublisher.await(publisher.publish(event), Duration.ofSeconds(30));
    }

    /** Waits until a run of the connection matching {@code which} reached a status in {@code statuses}. */
    public Run awaitRun(String connectionId, Predicate<Run> which, Set<RunStatus> statuses, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Run last = null;
        while (System.nanoTime() < deadline) {
            Optional<Run> found = runs.listByConnection(connectionId, 50, null).stream().filter(which).findFirst();
            if (found.isPresent()) {
                last = found.get();
                if (statuses.contains(last.status())) {
                    return last;
                }
            }
            sleep(100);
        }
        throw new AssertionError("no run of " + connectionId + " reached " + statuses + " within " + timeout
                + "; last seen: " + last);
    }

    /** Waits for the first completed run of a mode after {@code after}. */
    public Run awaitCompleted(String connectionId, RunMode mode, Instant after, Duration timeout) {
        return awaitRun(connectionId, r -> r.mode() == mode && !r.requestedAt().isBefore(after),
                Set.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.HELD), timeout);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
