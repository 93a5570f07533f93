package io.m365platform.connection.support;

import com.google.crypto.tink.KeysetHandle;
import io.m365platform.connection.crypto.Keysets;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimulatorConfig;
import io.m365platform.graphsim.tenant.Tenant;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts the Graph simulator in-process (once per JVM) with one generated tenant, and points connection-service
 * at it. Also provides the credential keyset: a keyset whose primary key is new and whose older key sealed
 * credentials "before a rotation" (see {@link #oldKeyset()}).
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** Registered on every test app registration and configured as the service's redirect URI. */
    public static final String REDIRECT_URI = "https://platform.example.com/admin-sign-in/callback";

    private static GraphSimulator simulator;
    private static Tenant tenant;
    private static KeysetHandle oldKeyset;
    private static KeysetHandle currentKeyset;

    static synchronized void startOnce() {
        if (simulator == null) {
            simulator = startInOwnThread();
            tenant = simulator.tenants().generate(4242, 40);
            oldKeyset = Keysets.generate();
            currentKeyset = Keysets.rotate(oldKeyset);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> simulator.close(), "graph-simulator-stop"));
        }
    }

    /**
     * The simulator's Jackson setup ({@code findAndRegisterModules}) finds modules through the thread context class
     * loader, and its server threads inherit that loader from the thread that starts it. Start it from a fresh
     * thread whose context loader is Jackson's own, so no other resource's thread is affected.
     */
    private static GraphSimulator startInOwnThread() {
        GraphSimulator[] started = new GraphSimulator[1];
        Throwable[] failure = new Throwable[1];
        Thread starter = new Thread(() -> {
            try {
                Class.forName("io.m365platform.graphsim.http.Json", true, GraphSimulator.class.getClassLoader());
                started[0] = GraphSimulator.start(SimulatorConfig.defaults().module(new ApplicationsModule()));
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "graph-simulator-start");
        // Jackson may come from another loader than the simulator (Quarkus' test class loading, plain unit tests of
        // the same JVM): module discovery must look through the loader that defines Jackson's Module type as the
        // simulator sees it, so every module found is a subtype of that very type.
        try {
            starter.setContextClassLoader(Class.forName("com.fasterxml.jackson.databind.Module", false,
                    GraphSimulator.class.getClassLoader()).getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure[0] != null) {
            throw new IllegalStateException("the Graph simulator did not start", failure[0]);
        }
        return started[0];
    }

    @Override
    public Map<String, String> start() {
        startOnce();
        Map<String, String> config = new HashMap<>();
        config.put("connection.graph.login-url", simulator.baseUrl());
        config.put("connection.graph.graph-url", simulator.graphBaseUrl());
        config.put("connection.graph.trust-pem", simulator.certificatePem());
        // Transient failures: retried quickly so tests stay fast (production waits longer).
        config.put("connection.graph.token-attempts", "3");
        config.put("connection.graph.token-backoff", "50ms");
        config.put("connection.graph.token-backoff-max", "200ms");
        config.put("connection.graph.read-timeout", "10s");
        config.put("connection.admin-user.redirect-uri", REDIRECT_URI);
        config.put("connection.crypto.keyset", Keysets.toJson(currentKeyset));
        return config;
    }

    @Override
    public void stop() {
        // The simulator lives until the JVM exits: every test class shares it.
    }

    public static GraphSimulator simulator() {
        startOnce();
        return simulator;
    }

    /** The tenant every test connects to (tests isolate themselves by app registration, not by tenant). */
    public static Tenant tenant() {
        startOnce();
        return tenant;
    }

    /** The keyset before the rotation: its only key is an old, non-primary key of the service's keyset. */
    public static KeysetHandle oldKeyset() {
        startOnce();
        return oldKeyset;
    }

    public static KeysetHandle currentKeyset() {
        startOnce();
        return currentKeyset;
    }
}
