package io.m365platform.localstack;

import io.m365platform.contracts.topics.ProvisioningReport;
import io.m365platform.localstack.console.Console;
import io.m365platform.localstack.console.Logs;
import io.m365platform.localstack.demo.ActionsApi;
import io.m365platform.localstack.demo.ConnectionsApi;
import io.m365platform.localstack.demo.DemoResult;
import io.m365platform.localstack.demo.DemoRun;
import io.m365platform.localstack.demo.Summary;
import io.m365platform.localstack.demo.SyncApi;
import io.m365platform.localstack.demo.UsageApi;
import io.m365platform.localstack.http.JsonHttp;
import io.m365platform.localstack.kafka.LocalKafkaBroker;
import io.m365platform.localstack.kafka.PlatformTopics;
import io.m365platform.localstack.postgres.PostgresCheck;
import io.m365platform.localstack.secrets.CredentialKeyset;
import io.m365platform.localstack.services.ServiceEnvironment;
import io.m365platform.localstack.services.ServiceFleet;
import io.m365platform.localstack.services.ServiceModules;
import io.m365platform.localstack.services.StackEndpoints;
import io.m365platform.localstack.simulator.ClientCredentialsToken;
import io.m365platform.localstack.simulator.LocalSimulator;
import io.m365platform.localstack.simulator.OperatorTokenScript;
import io.m365platform.localstack.simulator.PlatformIdentity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local stack, start to finish: PostgreSQL check, Kafka and the catalogue's topics, the Graph simulator, the
 * services, the demo, the summary. {@link #start()} returns once everything is up; {@link #stop()} (Ctrl-C) stops
 * it all in reverse order.
 */
public final class LocalStack {

    /** Why the stack could not start; the message is what the newcomer reads. */
    public static final class StartFailure extends Exception {
        StartFailure(String message) {
            super(message);
        }
    }

    /** Ctrl-C came during the start: the shutdown hook stops what was started; nothing more to report. */
    public static final class Stopped extends Exception {
        Stopped() {
            super("stopped during the start");
        }
    }

    /** How the start went, for Main's exit code. */
    public record Started(Duration startup, List<ServiceFleet.Outcome> services, DemoResult demo) {
    }

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration SYNC_TIMEOUT = Duration.ofSeconds(300);

    private final LocalStackOptions options;
    private final Console console;
    private final Resources resources = new Resources();

    public LocalStack(LocalStackOptions options, Console console) {
        this.options = options;
        this.console = console;
    }

    public Started start() throws StartFailure, Stopped, IOException, InterruptedException {
        long begin = System.nanoTime();
        Path data = options.dataDirectory();
        console.section("Starting the local stack (data in " + data + ")");
        checkPorts();
        PostgresCheck postgres = new PostgresCheck(options.dbHost(), options.dbPort(), options.dbUser(), options.dbPassword());
        if (options.fresh()) {
            fresh(postgres);
        }
        Files.createDirectories(data);
        Logs.toFile(options.logDirectory());
        postgres(postgres);

        LocalKafkaBroker broker = startKafka(data);
        stillStarting();
        LocalSimulator simulator = startSimulator(data);
        Path operatorToken = OperatorTokenScript.write(data.resolve("bin"), simulator.platform(), simulator.certificateFile());
        stillStarting();
        List<ServiceFleet.Outcome> outcomes = startServices(data, broker, simulator);
        stillStarting();

        DemoResult demo = DemoResult.nothing(List.of());
        Summary summary = new Summary(console, options);
        if (options.demo()) {
            demo = demo(simulator, broker.bootstrapServers(), outcomes);
            stillStarting();
            summary.demo(simulator, demo);
        }
        summary.whereToLook(outcomes, simulator, broker.bootstrapServers(), operatorToken);
        Duration startup = Duration.ofNanos(System.nanoTime() - begin);
        return new Started(startup, outcomes, demo);
    }

    private LocalKafkaBroker startKafka(Path data) throws StartFailure {
        Console.Step step = console.step("Starting Kafka (KRaft) on localhost:" + options.kafkaPort());
        LocalKafkaBroker broker = resources.add("Kafka broker",
                new LocalKafkaBroker(data.resolve("kafka"), options.kafkaPort(), options.kafkaControllerPort()));
        try {
            broker.start();
        } catch (RuntimeException | IOException e) {
            step.failed(e.getMessage());
            throw new StartFailure("Kafka did not start: " + e.getMessage() + " (details in "
                    + options.logDirectory().resolve("local-stack.log") + "; --fresh starts from an empty data directory)");
        }
        step.ok();
        step = console.step("Creating the topics of the AsyncAPI catalogue");
        ProvisioningReport topics = PlatformTopics.ensure(broker.bootstrapServers());
        step.ok(topics.created().size() + " created, " + topics.alreadyPresent().size() + " already there"
                + (topics.configsAligned().isEmpty() ? "" : ", configs updated on " + topics.configsAligned()));
        topics.partitionMismatches().forEach(m -> console.warn(m + " (kept; --fresh recreates the topics)"));
        return broker;
    }

    private LocalSimulator startSimulator(Path data) throws StartFailure, IOException {
        Console.Step step = console.step("Starting the Graph simulator with the demo tenant (" + options.demoUsers() + " users)");
        try {
            LocalSimulator simulator = resources.add("Graph simulator", LocalSimulator.start(LocalSimulator.Settings.local(
                    options.simulatorPort(), data.resolve("simulator"), options.demoSeed(), options.demoUsers())));
            step.ok(simulator.baseUrl() + ", tenant " + simulator.demoTenantDomain());
            return simulator;
        } catch (RuntimeException e) {
            step.failed(e.getMessage());
            throw new StartFailure("the Graph simulator did not start: " + e.getMessage());
        }
    }

    /** The services (in parallel), in the order of the port convention; skipped ones are listed too. */
    private List<ServiceFleet.Outcome> startServices(Path data, LocalKafkaBroker broker, LocalSimulator simulator)
            throws IOException, InterruptedException {
        Path keyset = data.resolve("secrets/credential-keyset.json");
        if (CredentialKeyset.ensure(keyset)) {
            console.info("made connection-service's credential encryption key: " + keyset);
        }
        Files.createDirectories(data.resolve("cds"));
        List<String> services = LocalStackOptions.DEFAULT_SERVICE_PORTS.keySet().stream().filter(options::runs).toList();
        ServiceFleet fleet = resources.add("services", new ServiceFleet(options.repository(), options.logDirectory(),
                data.resolve("run"), console, resources::closing));
        ServiceEnvironment environment = new ServiceEnvironment(endpoints(broker, simulator, keyset),
                service -> ServiceModules.usesOidcClient(options.repository(), service));
        List<ServiceFleet.Outcome> outcomes = new ArrayList<>(fleet.start(services, environment, this::jvmOptions,
                options.servicePorts(), SERVICE_START_TIMEOUT));
        LocalStackOptions.DEFAULT_SERVICE_PORTS.keySet().stream().filter(s -> !options.runs(s))
                .forEach(s -> outcomes.add(new ServiceFleet.Outcome(s, ServiceFleet.State.SKIPPED, "not started (--only)")));
        outcomes.stream().filter(o -> o.state() == ServiceFleet.State.NOT_BUILT)
                .forEach(o -> console.warn(o.service() + " is not built: " + o.detail()));
        List<String> order = List.copyOf(LocalStackOptions.DEFAULT_SERVICE_PORTS.keySet());
        outcomes.sort(Comparator.comparingInt(o -> order.indexOf(o.service())));
        return outcomes;
    }

    private DemoResult demo(LocalSimulator simulator, String bootstrapServers, List<ServiceFleet.Outcome> outcomes)
            throws InterruptedException {
        console.section("Demo: connect the demo tenant and sync it");
        boolean connectionReady = ready(outcomes, "connection-service");
        if (!connectionReady) {
            String why = "connection-service is not running, so the demo tenant cannot be connected";
            console.warn(why);
            return DemoResult.nothing(List.of(why));
        }
        PlatformIdentity platform = simulator.platform();
        ClientCredentialsToken operatorToken = new ClientCredentialsToken(simulator.simulator().clientSslContext(),
                platform.tokenUrl(), platform.operatorApp().clientId(), platform.operatorApp().secret(), PlatformIdentity.SCOPE);
        ConnectionsApi connections = new ConnectionsApi(new JsonHttp(null, operatorToken),
                "http://localhost:" + options.port("connection-service"));
        Optional<SyncApi> sync = ready(outcomes, "sync-service")
                ? Optional.of(new SyncApi(new JsonHttp(null, operatorToken), "http://localhost:" + options.port("sync-service")))
                : Optional.empty();
        Optional<UsageApi> usage = ready(outcomes, "usage-service")
                ? Optional.of(new UsageApi(new JsonHttp(null, operatorToken), "http://localhost:" + options.port("usage-service")))
                : Optional.empty();
        Optional<ActionsApi> actions = ready(outcomes, "action-service")
                ? Optional.of(new ActionsApi(new JsonHttp(null, operatorToken), "http://localhost:" + options.port("action-service")))
                : Optional.empty();
        return new DemoRun(console, connections, simulator, bootstrapServers, sync, usage, actions, SYNC_TIMEOUT).run();
    }

    private static boolean ready(List<ServiceFleet.Outcome> outcomes, String service) {
        return outcomes.stream().anyMatch(o -> o.service().equals(service) && o.ready());
    }

    private StackEndpoints endpoints(LocalKafkaBroker broker, LocalSimulator simulator, Path keyset) {
        PlatformIdentity platform = simulator.platform();
        return new StackEndpoints(broker.bootstrapServers(), options.dbHost(), options.dbPort(), options.dbName(),
                options.dbUser(), options.dbPassword(), simulator.loginUrl(), simulator.graphUrl(),
                simulator.certificateFile(), platform.authServerUrl(), platform.tokenUrl(), platform.issuer(), PlatformIdentity.AUDIENCE,
                platform.serviceApp().clientId(), platform.serviceApp().secret(), PlatformIdentity.SCOPE,
                options.servicePorts(), StackEndpoints.localhostUrls(options.servicePorts()),
                "http://localhost:" + options.port("connection-service") + "/admin-sign-in/callback", keyset,
                options.otelEndpoint());
    }

    /**
     * Small heaps, the serial collector and the C1 compiler only: four service JVMs share two cores with the broker,
     * and a local demo needs a quick start more than peak speed. Class data sharing (one archive per service,
     * made by the first run, rebuilt by the JVM when the jar changes) shortens later starts.
     */
    private List<String> jvmOptions(String service) {
        return List.of("-Xmx" + options.serviceHeap(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:+AutoCreateSharedArchive",
                "-XX:SharedArchiveFile=" + options.dataDirectory().resolve("cds").resolve(service + ".jsa"),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "--enable-native-access=ALL-UNNAMED");
    }

    private void checkPorts() throws StartFailure {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("--kafka-port", options.kafkaPort());
        ports.put("--kafka-controller-port", options.kafkaControllerPort());
        ports.put("--simulator-port", options.simulatorPort());
        options.servicePorts().forEach((service, port) -> {
            if (options.runs(service)) {
                ports.put("--" + service.substring(0, service.indexOf('-')) + "-port", port);
            }
        });
        List<String> busy = PortCheck.busy(ports);
        if (!busy.isEmpty()) {
            throw new StartFailure(String.join("; ", busy) + ". Is another local stack running? Stop it, or move"
                    + " this one with --port-offset N (or the option named).");
        }
    }

    private void postgres(PostgresCheck postgres) throws StartFailure {
        Console.Step step = console.step("Checking PostgreSQL at " + options.dbHost() + ":" + options.dbPort());
        try {
            String version = postgres.version();
            boolean created = postgres.ensureDatabase(options.dbName());
            step.ok("PostgreSQL " + version + ", database " + options.dbName() + (created ? " created" : ""));
        } catch (PostgresCheck.UnreachableException e) {
            step.failed("unreachable");
            throw new StartFailure(e.getMessage());
        }
    }

    private void fresh(PostgresCheck postgres) throws StartFailure, IOException {
        Path data = options.dataDirectory();
        if (data.equals(options.repository()) || options.repository().startsWith(data)) {
            throw new StartFailure("--fresh would delete " + data + ", which holds the repository: choose another --data-dir");
        }
        Console.Step step = console.step("Starting fresh: deleting " + data + " and dropping database " + options.dbName());
        if (Files.exists(data)) {
            try (Stream<Path> paths = Files.walk(data)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try {
            postgres.dropDatabase(options.dbName());
        } catch (PostgresCheck.UnreachableException e) {
            step.failed("database not dropped");
            throw new StartFailure(e.getMessage());
        }
        step.ok();
    }

    private void stillStarting() throws Stopped {
        if (resources.closing()) {
            throw new Stopped();
        }
    }

    /** True once {@link #stop()} began (Ctrl-C): a start still going fails on its next step and is not an error. */
    public boolean stopping() {
        return resources.closing();
    }

    /** Stops everything that was started, newest first. Safe to call twice and from the shutdown hook. */
    public void stop() {
        resources.closeAll(name -> console.info("stopping " + name));
    }
}
