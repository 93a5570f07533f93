package io.m365platform.sync.support;

import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.sync.run.Run;
import io.m365platform.testsupport.graph.ConnectedTenants;
import io.m365platform.testsupport.graph.ConnectedTenants.TestConnection;
import io.m365platform.testsupport.graph.SimulatorTokenSource;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.RunStatus;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * test-support's {@link ConnectedTenants} for sync-service's tests, plus what is sync's own: a connection known
 * without an event, and waiting for runs.
 */
@Singleton
public class TestConnections {

    /** Every read permission sync-service uses (AuditLog.Read.All: users' signInActivity). */
    public static final Set<String> ALL_READ = Set.of("User.Read.All", "GroupMember.Read.All", "Organization.Read.All",
            "RoleManagement.Read.Directory", "Directory.Read.All", "TeamMember.Read.All", "Channel.ReadBasic.All",
            "TeamsAppInstallation.ReadForUser.All", "AuditLog.Read.All");

    @Inject
    ConnectedTenants tenants;

    @Inject
    SimulatorTokenSource tokens;

    @Inject
    RunRepository runs;

    @Inject
    io.m365platform.sync.connection.ConnectionRepository connectionRepository;

    public TestConnection connect(GraphSimulator simulator, String name, long seed, int users, Set<String> permissions,
                                  Product product) {
        return tenants.connect(simulator, name, seed, users, permissions, product);
    }

    /** Connects an existing simulated tenant (e.g. one a test prepared faults for). */
    public TestConnection connect(GraphSimulator simulator, Tenant tenant, Set<String> permissions, Product product) {
        return tenants.connect(tenant, permissions, product, ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ);
    }

    /**
     * A generated tenant sync-service knows as connected with every read permission, without a connection event: no
     * run starts until the test starts one (on this instance or another).
     */
    public TestConnection known(GraphSimulator simulator, String name, long seed, int users) {
        Tenant tenant = simulator.tenants().generate(new GenerationSpec(seed, users, name));
        TestConnection connection = tenants.register(tenant, ALL_READ, Product.MICROSOFT_365,
                ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ);
        connectionRepository.apply(connection.connectionId(), tenant.id(), Product.MICROSOFT_365.wireName(),
                "connected", ALL_READ, Instant.now());
        return connection;
    }

    public void changeStatus(TestConnection c, ConnectionStatus status, ConnectionStatus previous) {
        tenants.changeStatus(c, status, previous);
    }

    public void publish(io.m365platform.contracts.PlatformEvent event) {
        tenants.publish(event);
    }

    /** A connection and its first full run, which completed. */
    public record Synced(TestConnection connection, Run run) {
    }

    /** Generates a tenant, connects it and waits for its first full run, which must complete. */
    public Synced connectAndSync(GraphSimulator simulator, String name, long seed, int users, Set<String> permissions,
                                 Product product, Duration timeout) {
        return connectAndSync(simulator, simulator.tenants().generate(new GenerationSpec(seed, users, name)),
                permissions, product, timeout);
    }

    /** Connects a prepared tenant and waits for its first full run, which must complete. */
    public Synced connectAndSync(GraphSimulator simulator, Tenant tenant, Set<String> permissions, Product product,
                                 Duration timeout) {
        Instant start = Instant.now().minusSeconds(1);
        TestConnection connection = connect(simulator, tenant, permissions, product);
        Run run = awaitCompleted(connection.connectionId(), RunMode.FULL, start, timeout);
        if (run.status() != RunStatus.COMPLETED) {
            throw new AssertionError("the first full run of " + connection.connectionId() + " ended " + run.status()
                    + ": " + run.statusReason());
        }
        return new Synced(connection, run);
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
