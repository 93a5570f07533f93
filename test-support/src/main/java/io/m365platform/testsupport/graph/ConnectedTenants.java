package io.m365platform.testsupport.graph;

import io.m365platform.contracts.PlatformEvent;
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
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Connects simulated tenants to the service under test the way connection-service does: an app registered in the
 * tenant with the given permissions, its tokens handed out by {@link SimulatorTokenSource}, and a connection event
 * on {@code m365.connections}. Every Graph-calling service's tests use it (connect, then await what the service does).
 */
@Singleton
public class ConnectedTenants {

    private final EventPublisher publisher;
    private final SimulatorTokenSource tokens;

    @Inject
    public ConnectedTenants(EventPublisher publisher, SimulatorTokenSource tokens) {
        this.publisher = publisher;
        this.tokens = tokens;
    }

    /** A tenant, its registered app and the connection id the platform knows it by. */
    public record TestConnection(String connectionId, Tenant tenant, AppOperations.RegisteredApp app,
                                 Set<String> permissions, Product product, ConnectionMethod method,
                                 PermissionLevel level) {
    }

    /** Generates a tenant and connects it (app registration, read level). */
    public TestConnection connect(GraphSimulator simulator, String name, long seed, int users, Set<String> permissions,
                                  Product product) {
        return connect(simulator.tenants().generate(new GenerationSpec(seed, users, name)), permissions, product,
                ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ);
    }

    /** Connects an existing simulated tenant (e.g. one a test prepared faults for). */
    public TestConnection connect(Tenant tenant, Set<String> permissions, Product product, ConnectionMethod method,
                                  PermissionLevel level) {
        TestConnection connection = register(tenant, permissions, product, method, level);
        Instant now = Instant.now();
        publish(new ConnectionCreated(state(connection, ConnectionStatus.CONNECTED, now), "test", now));
        return connection;
    }

    /** Registers the app and its tokens without announcing the connection (the test announces it, or not). */
    public TestConnection register(Tenant tenant, Set<String> permissions, Product product, ConnectionMethod method,
                                   PermissionLevel level) {
        AppOperations.RegisteredApp app = TenantGenerator.registerDemoApp(tenant, permissions, Set.of(), List.of());
        String connectionId = UUID.randomUUID().toString();
        tokens.register(connectionId, tenant.id(), app.clientId(), app.secret());
        return new TestConnection(connectionId, tenant, app, permissions, product, method, level);
    }

    public void changeStatus(TestConnection c, ConnectionStatus status, ConnectionStatus previous) {
        Instant now = Instant.now();
        publish(new ConnectionStatusChanged(state(c, status, now), previous, now));
    }

    /** The connection's state as connection-service would publish it. */
    public static ConnectionState state(TestConnection c, ConnectionStatus status, Instant now) {
        return new ConnectionState(c.connectionId(), c.tenant().id(), c.product(), c.method(), c.level(),
                "test " + c.tenant().id(), status, null, null, c.app().clientId(),
                c.permissions().stream().sorted().toList(), List.of(), null, now, now, now);
    }

    public void publish(PlatformEvent event) {
        EventPublisher.await(publisher.publish(event), Duration.ofSeconds(30));
    }
}
