package io.m365platform.testsupport.graph;

import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimulatorConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts the Graph simulator (HTTPS on a free port, in this JVM) and points the service's Graph access at it
 * ({@code platform.graph.*}); tests receive it with {@link InjectSimulator}, and tokens for their connections from
 * {@link SimulatorTokenSource}. One simulator for all test classes of a JVM: each test works in its own tenant. A
 * service that needs more (simulator modules, settings of its own) extends this class.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static GraphSimulator simulator;

    /** The simulator's configuration; the first resource of a JVM to start decides it. */
    protected SimulatorConfig simulatorConfig() {
        return SimulatorConfig.defaults();
    }

    @Override
    public Map<String, String> start() {
        GraphSimulator sim = startOnce(simulatorConfig());
        Map<String, String> config = new HashMap<>();
        config.put("platform.graph.base-url", sim.graphBaseUrl());
        config.put("platform.graph.login-url", sim.baseUrl());
        config.put("platform.graph.trust-pem", sim.certificatePem());
        return config;
    }

    /** The running simulator (started with the defaults if no resource started it yet). */
    public static GraphSimulator simulator() {
        return startOnce(SimulatorConfig.defaults());
    }

    private static synchronized GraphSimulator startOnce(SimulatorConfig config) {
        if (simulator == null) {
            simulator = startInOwnThread(config);
            GraphSimulator started = simulator;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "graph-simulator-stop"));
        }
        return simulator;
    }

    /**
     * The simulator's Jackson setup finds modules through the thread context class loader, and its server threads
     * inherit that loader from the starting thread: start it from a thread whose context loader is the one that
     * defines Jackson as the simulator sees it, not one of Quarkus' test class loaders, so every module found is a
     * subtype of that very Module type.
     */
    private static GraphSimulator startInOwnThread(SimulatorConfig config) {
        GraphSimulator[] started = new GraphSimulator[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread starter = new Thread(() -> {
            try {
                // Initialise the simulator's JSON setup here, with this thread's context loader.
                Class.forName("io.m365platform.graphsim.http.Json", true, GraphSimulator.class.getClassLoader());
                started[0] = GraphSimulator.start(config);
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
        // Kept for the other test classes of this JVM; closed when the JVM exits.
    }
}
