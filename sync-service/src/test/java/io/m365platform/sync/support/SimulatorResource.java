package io.m365platform.sync.support;

import io.m365platform.graphsim.GraphSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts the Graph simulator (HTTPS on a free port, in this JVM) and points sync-service's Graph access at it; tests
 * receive it with {@link InjectSimulator}. One simulator for all test classes: each test works in its own tenant.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static GraphSimulator simulator;

    @Override
    public synchronized Map<String, String> start() {
        if (simulator == null) {
            simulator = startInOwnThread();
        }
        return Map.of(
                "sync.graph.base-url", simulator.graphBaseUrl(),
                "sync.graph.login-url", simulator.baseUrl(),
                "sync.graph.trust-pem", simulator.certificatePem(),
                // 429/503 answers are retried after Retry-After without minutes of backoff in tests.
                "sync.graph.max-attempts", "6");
    }

    /**
     * The simulator's Jackson setup finds modules through the thread context class loader, and its server threads
     * inherit that loader from the starting thread: start it from a thread whose context loader is the simulator's
     * own, not one of Quarkus' test class loaders (the same technique as connection-service's tests).
     */
    private static GraphSimulator startInOwnThread() {
        GraphSimulator[] started = new GraphSimulator[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread starter = new Thread(() -> {
            try {
                // Initialise the simulator's JSON setup here, with this thread's context loader.
                Class.forName("io.m365platform.graphsim.http.Json", true, GraphSimulator.class.getClassLoader());
                started[0] = GraphSimulator.start();
            } catch (ClassNotFoundException e) {
                failure[0] = new IllegalStateException(e);
            } catch (RuntimeException | Error e) {
                failure[0] = new IllegalStateException("the Graph simulator did not start", e);
            }
        }, "graph-simulator-start");
        starter.setContextClassLoader(jacksonLoader());
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return started[0];
    }

    /**
     * The loader that defines Jackson's ObjectMapper as the simulator sees it: Jackson's ServiceLoader look-up of
     * modules must run in it, or a module found through another loader is "not a subtype" of Module.
     */
    private static ClassLoader jacksonLoader() {
        try {
            ClassLoader jackson = Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false,
                    GraphSimulator.class.getClassLoader()).getClassLoader();
            // Resolve the Jackson modules the simulator will find in that same loader first.
            Class.forName("com.fasterxml.jackson.module.paramnames.ParameterNamesModule", false, jackson);
            return jackson;
        } catch (ClassNotFoundException e) {
            return GraphSimulator.class.getClassLoader();
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectSimulator.class, GraphSimulator.class));
    }

    @Override
    public void stop() {
        // Kept for the other test classes of this JVM; the simulator's threads are daemons.
    }
}
