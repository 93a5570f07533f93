package io.m365platform.sync.bench;

import io.m365platform.contracts.WireName;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.config.Timeouts;
import io.m365platform.graph.config.TrustMaterial;
import io.m365platform.graph.paging.CollectionSummary;
import io.m365platform.graph.request.GraphAccess;
import io.m365platform.graph.request.GraphClientSettings;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.AppTokenClient;
import io.m365platform.graph.token.MsalApplications;
import io.m365platform.service.events.EventPublisher;
import io.m365platform.sync.SyncModel;
import io.m365platform.sync.config.SyncSettings;
import io.m365platform.sync.connection.ConnectionRepository;
import io.m365platform.sync.db.Jdbc;
import io.m365platform.sync.engine.EngineContext;
import io.m365platform.sync.engine.SyncEngine;
import io.m365platform.sync.engine.pipeline.PageExecutors;
import io.m365platform.sync.publish.EventPublisherSink;
import io.m365platform.sync.resource.groups.GroupMapper;
import io.m365platform.sync.resource.users.UserMapper;
import io.m365platform.sync.run.DeltaLinks;
import io.m365platform.sync.run.PendingDeletions;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.RunStep;
import io.m365platform.sync.run.StepRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark harness (a main, not a test): full sync of a generated tenant (users, SKUs, groups with members) and a
 * delta run after 1% of the users changed, against the Graph simulator and a real Kafka broker (both in a child
 * JVM), storing into the local PostgreSQL (schema {@code sync_bench}). Prints the figures and appends them to
 * {@code sync-service/benchmarks/RESULTS.md}. See README: benchmark.
 *
 * <p>Arguments: {@code --users=100000 --groups=5000 --infra-heap=6g --results=benchmarks/RESULTS.md}.
 */
public final class SyncBenchmark {

    private static ProcessHandle INFRA;
    private static List<SyncResource> RESOURCES = List.of();
    private static int WARM_UPS = 2;
    private static int REPEAT = 3;
    private static boolean FLOOR = true;
    /** The tables of the floor: those of nearly all of a full run's rows (the others hold a few dozen). */
    private static final List<String> FLOOR_TABLES = List.of("users", "license_assignments", "groups",
            "group_memberships");

    private SyncBenchmark() {
    }

    /** CPU time used so far by this JVM, the infrastructure JVM and the local PostgreSQL, in milliseconds. */
    static long[] cpuMillis() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long infra = INFRA == null ? 0 : INFRA.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
        return new long[] {os.getProcessCpuTime() / 1_000_000, infra, postgresCpuMillis()};
    }

    /** Sum of user + system time of the local postgres processes (Linux /proc; 0 elsewhere). */
    static long postgresCpuMillis() {
        long ticks = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks * 10;
    }

    /**
     * CPU time of this JVM's threads by name, digits dropped so that pools add up: Java threads and the JVM's own
     * (JIT compilers, GC workers), from /proc (Linux; empty elsewhere). Threads that ended are not counted.
     */
    static Map<String, Long> threadCpuMillis() {
        Map<String, Long> out = new java.util.HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "N");
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10, Long::sum);
                } catch (java.io.IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.quiet();
        int users = BenchInfra.intArg(args, "--users", 100_000);
        int groups = BenchInfra.intArg(args, "--groups", 5_000);
        String infraHeap = BenchInfra.stringArg(args, "--infra-heap", users > 200_000 ? "8g" : "4g");
        Path results = Path.of(BenchInfra.stringArg(args, "--results", "benchmarks/RESULTS.md"));
        // --resources=users,groups: only these steps (all by default), to look at one step's costs alone
        String only = BenchInfra.stringArg(args, "--resources", "");
        // --warm-ups=N: full syncs into other connections before the measured one (2 by default: after one, C2 still
        // spent a fifth of the measured users step compiling); --warm-up=false (or --warm-ups=0): a cold JIT
        boolean warmUp = Boolean.parseBoolean(BenchInfra.stringArg(args, "--warm-up", "true"));
        WARM_UPS = warmUp ? BenchInfra.intArg(args, "--warm-ups", 2) : 0;
        // --repeat=N: measured full syncs, each into its own new connection; the table shows the median (the machine
        // varies by 10-15% from run to run), the list all of them
        REPEAT = Math.max(1, BenchInfra.intArg(args, "--repeat", WARM_UPS == 0 ? 1 : 3));
        // --floor=false: skip the floors (storing the full run's rows with nothing else, publishing them again); they
        // hold the rows in memory, so they are off by default above 200,000 users
        FLOOR = Boolean.parseBoolean(BenchInfra.stringArg(args, "--floor", String.valueOf(users <= 200_000)));
        RESOURCES = only.isBlank() ? List.of() : java.util.Arrays.stream(only.split(","))
                .map(r -> WireName.parse(SyncResource.class, r.trim()))
                .toList();
        Path work = Path.of("target");
        Files.createDirectories(work);

        System.out.printf("Starting the simulator (%,d users, %,d groups) and Kafka in a child JVM...%n", users, groups);
        Process infra = startInfra(users, groups, infraHeap, work);
        BufferedReader infraOut = new BufferedReader(new InputStreamReader(infra.getInputStream(), StandardCharsets.UTF_8));
        BufferedWriter infraIn = new BufferedWriter(new OutputStreamWriter(infra.getOutputStream(), StandardCharsets.UTF_8));
        Properties env = awaitReady(infraOut);
        INFRA = infra.toHandle();
        try (HeapSampler heap = new HeapSampler()) {
            Report report = run(env, heap, infraIn, infraOut);
            report.print();
            report.append(results);
            System.out.println("Results appended to " + results.toAbsolutePath());
        } finally {
            infraIn.write("quit\n");
            infraIn.flush();
            infra.waitFor();
        }
        System.exit(0);
    }

    private static Report run(Properties env, HeapSampler heap, BufferedWriter infraIn, BufferedReader infraOut)
            throws Exception {
        Report report = new Report();
        report.users = Integer.parseInt(env.getProperty("users"));
        report.groups = Integer.parseInt(env.getProperty("groups"));
        report.setupSeconds = Double.parseDouble(env.getProperty("setup.seconds"));
        report.resources = RESOURCES;

        AgroalDataSource dataSource = dataSource();
        Flyway flyway = Flyway.configure().dataSource(dataSource).schemas("sync_bench")
                .locations("classpath:db/migration").cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
        Jdbc jdbc = new Jdbc(dataSource);

        GraphEndpoints endpoints = new GraphEndpoints(java.net.URI.create(env.getProperty("login.base")),
                java.net.URI.create(env.getProperty("graph.base")),
                Optional.of(TrustMaterial.fromPemFile(Path.of(env.getProperty("pem.file")))), Timeouts.DEFAULT);
        GraphClients graph = new GraphClients(endpoints, GraphClientSettings.defaults());
        AppTokenClient tokenClient = new AppTokenClient(new MsalApplications(endpoints));
        AppCredentials credentials = new AppCredentials(env.getProperty("client.id"), env.getProperty("client.secret"));
        String tenantId = env.getProperty("tenant.id");
        String connectionId = UUID.randomUUID().toString();
        // Production's schema check (sampled), as the service runs it outside tests.
        EventPublisher publisher = new EventPublisher(env.getProperty("kafka.bootstrap"), "sync-service-bench", "sampled",
                new SimpleMeterRegistry(), io.opentelemetry.api.OpenTelemetry.noop());

        SyncSettings settings = new SyncSettings("bench", Duration.ofMinutes(5), Duration.ofSeconds(30), 1,
                Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofDays(7), Duration.ofSeconds(30), 8, 0.2, 10,
                10, 1000, 999);
        EngineContext context = new EngineContext(settings, jdbc, new ConnectionRepository(jdbc),
                new RunRepository(jdbc), new StepRepository(jdbc), new PendingDeletions(jdbc), new DeltaLinks(jdbc),
                SyncModel.catalog(EventJson.mapper()), new EventPublisherSink(publisher, Duration.ofMinutes(2)),
                (c, t) -> graph.forTenant(t, () -> tokenClient.acquire(credentials, TenantId.of(tenantId))),
                Clock.systemUTC());
        PageExecutors executors = new PageExecutors();
        SyncEngine engine = new SyncEngine(context, SyncModel.resources(),
                c -> tokenClient.acquire(credentials, TenantId.of(tenantId)), Executors.newSingleThreadScheduledExecutor(),
                executors);
        AccessToken token = tokenClient.acquire(credentials, TenantId.of(tenantId));
        context.connections().apply(connectionId, tenantId, "microsoft-365", "connected", token.permissions(),
                Instant.now());

        // Warm-up: the JIT and the connections see every code path once, on a throw-away round of reads.
        readOnly(graph, tenantId, credentials, tokenClient);
        for (int round = 0; round < WARM_UPS; round++) {
            // ...and on a full sync of the same tenant into another connection (its rows stay, as other tenants'
            // rows would): a service syncs with compiled code, while C2 compiling the sync path in a fresh JVM
            // took 40% of a 100k-user run's CPU.
            String warmUp = UUID.randomUUID().toString();
            context.connections().apply(warmUp, tenantId, "microsoft-365", "connected", token.permissions(),
                    Instant.now());
            Phase warmed = execute(engine, context, warmUp, tenantId, RunMode.FULL, report.resources);
            report.warmUps.add(warmed);
            System.out.printf("Warm-up full sync into another connection: %.2f s%n", warmed.seconds);
        }

        heap.reset();
        report.readOnly = readOnly(graph, tenantId, credentials, tokenClient);
        report.readOnlyPeakHeap = heap.peakBytes();

        long gc0;
        for (int round = 0; round < REPEAT; round++) {
            String measured = round == 0 ? connectionId : UUID.randomUUID().toString();
            if (round > 0) {
                context.connections().apply(measured, tenantId, "microsoft-365", "connected", token.permissions(),
                        Instant.now());
            }
            heap.reset();
            gc0 = HeapSampler.gcMillis();
            Phase full = execute(engine, context, measured, tenantId, RunMode.FULL, report.resources);
            full.peakHeap = heap.peakBytes();
            full.gcMillis = HeapSampler.gcMillis() - gc0;
            full.connectionId = measured;
            report.fulls.add(full);
        }
        List<Phase> byTime = new ArrayList<>(report.fulls);
        byTime.sort(java.util.Comparator.comparingDouble(f -> f.seconds));
        report.full = byTime.get(byTime.size() / 2);
        // The delta round runs against the median run's connection.
        connectionId = report.full.connectionId;
        report.storedUsers = count(jdbc, "users", connectionId);
        report.storedMemberships = count(jdbc, "group_memberships", connectionId);

        int changed = Math.max(1, report.users / 100);
        infraIn.write("mutate " + changed + "\n");
        infraIn.flush();
        String line;
        while ((line = infraOut.readLine()) != null && !line.startsWith("MUTATED")) {
            System.out.println("[infra] " + line);
        }
        report.changedUsers = changed;
        heap.reset();
        gc0 = HeapSampler.gcMillis();
        report.delta = execute(engine, context, connectionId, tenantId, RunMode.INCREMENTAL, report.resources);
        report.delta.peakHeap = heap.peakBytes();
        report.delta.gcMillis = HeapSampler.gcMillis() - gc0;
        if (FLOOR) {
            System.out.println("Floors: sending the stored rows' events alone, then storing the rows alone...");
            report.publishFloor = PublishFloor.measure(context, connectionId, tenantId, FLOOR_TABLES);
            report.storageFloor = StorageFloor.measure(jdbc, connectionId, FLOOR_TABLES,
                    SyncBenchmark::postgresCpuMillis, Path.of("target"));
        }
        engine.close();
        executors.close();
        graph.close();
        dataSource.close();
        return report;
    }

    private static Phase execute(SyncEngine engine, EngineContext context, String connectionId, String tenantId,
                                 RunMode mode, List<SyncResource> resources) {
        UUID runId = UUID.randomUUID();
        context.runs().enqueue(new RunRepository.NewRun(runId, connectionId, tenantId, mode, SyncTrigger.REQUEST,
                null, "benchmark", "benchmark", resources, null, null));
        long[] cpu0 = cpuMillis();
        Map<String, Long> threads0 = threadCpuMillis();
        long t0 = System.nanoTime();
        engine.execute(runId, scope -> {
        });
        Phase phase = new Phase();
        phase.seconds = (System.nanoTime() - t0) / 1e9;
        long[] cpu1 = cpuMillis();
        phase.syncCpuSeconds = (cpu1[0] - cpu0[0]) / 1000.0;
        phase.infraCpuSeconds = (cpu1[1] - cpu0[1]) / 1000.0;
        phase.postgresCpuSeconds = (cpu1[2] - cpu0[2]) / 1000.0;
        phase.loadAverage = loadAverage();
        Map<String, Long> threads1 = threadCpuMillis();
        threads1.forEach((name, ms) -> phase.threadCpuSeconds.merge(name,
                (ms - threads0.getOrDefault(name, 0L)) / 1000.0, Double::sum));
        Run run = context.runs().find(runId).orElseThrow();
        phase.status = run.status().wireName() + (run.statusReason() == null ? "" : " (" + run.statusReason() + ")");
        phase.graphRequests = run.graphRequests();
        phase.pages = run.pages();
        phase.steps = context.steps().steps(runId);
        return phase;
    }

    /** Reading the same pages (users and groups delta rounds, SKUs) without storing or publishing anything. */
    private static ReadOnly readOnly(GraphClients graph, String tenantId, AppCredentials credentials,
                                     AppTokenClient tokenClient) {
        GraphAccess access = graph.forTenant(tenantId, () -> tokenClient.acquire(credentials, TenantId.of(tenantId)));
        Map<String, String> prefer = Map.of("Prefer", "odata.maxpagesize=999");
        AtomicLong items = new AtomicLong();
        ReadOnly r = new ReadOnly();
        long[] cpu0 = cpuMillis();
        long t0 = System.nanoTime();
        CollectionSummary users = access.collections().readAll("/users/delta?$select=" + UserMapper.SELECT, prefer,
                item -> UserMapper.map(item), page -> { });
        r.usersSeconds = (System.nanoTime() - t0) / 1e9;
        long[] cpuUsers = cpuMillis();
        r.usersCpuSeconds = (cpuUsers[0] - cpu0[0] + cpuUsers[1] - cpu0[1]) / 1000.0;
        long t1 = System.nanoTime();
        CollectionSummary groups = access.collections().readAll("/groups/delta?$select=" + GroupMapper.SELECT, prefer,
                item -> items.incrementAndGet(), page -> { });
        access.collections().readAll("/subscribedSkus", item -> items.incrementAndGet());
        r.groupsSeconds = (System.nanoTime() - t1) / 1e9;
        r.seconds = (System.nanoTime() - t0) / 1e9;
        long[] cpu1 = cpuMillis();
        r.syncCpuSeconds = (cpu1[0] - cpu0[0]) / 1000.0;
        r.infraCpuSeconds = (cpu1[1] - cpu0[1]) / 1000.0;
        r.requests = access.stats().snapshot().requests();
        r.userPages = users.pages();
        r.groupPages = groups.pages();
        return r;
    }

    private static long count(Jdbc jdbc, String table, String connectionId) {
        return jdbc.withConnection(c -> {
            try (var ps = c.prepareStatement("select count(*) from " + table + " where connection_id = ?")) {
                ps.setString(1, connectionId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static AgroalDataSource dataSource() throws java.sql.SQLException {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("DB_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("DB_PORT", "5432") + "/" + System.getenv().getOrDefault("DB_NAME", "test")
                + "?currentSchema=sync_bench&reWriteBatchedInserts=true&options=-c%20plan_cache_mode%3Dforce_custom_plan"
                // e.g. BENCH_PG_OPTIONS='-c log_min_duration_statement=0' to see in the server log where its time goes
                + java.net.URLEncoder.encode(" " + System.getenv().getOrDefault("BENCH_PG_OPTIONS", ""),
                        StandardCharsets.UTF_8).replace("+", "%20");
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(8)
                        .connectionFactoryConfiguration(cf -> cf.jdbcUrl(url)
                                .principal(new NamePrincipal(System.getenv().getOrDefault("DB_USER", "postgres")))
                                .credential(new SimplePassword(System.getenv().getOrDefault("DB_PASSWORD", ""))))));
    }

    private static Process startInfra(int users, int groups, String heap, Path work) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED",
                "-Djava.util.logging.manager=" + System.getProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager"),
                "-Dlogging.configuration=" + System.getProperty("logging.configuration", "file:benchmarks/logging.properties"),
                "-cp", System.getProperty("java.class.path"),
                BenchInfra.class.getName(), "--users=" + users, "--groups=" + groups,
                "--out=" + work.resolve("bench-infra.properties")));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(work.resolve("bench-infra.log").toFile());
        return pb.start();
    }

    private static Properties awaitReady(BufferedReader out) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                Properties p = new Properties();
                try (var r = Files.newBufferedReader(Path.of(line.substring(6).trim()))) {
                    p.load(r);
                }
                return p;
            }
            System.out.println("[infra] " + line);
        }
        throw new IllegalStateException("the infrastructure JVM ended before it was ready (see target/bench-infra.log)");
    }

    static final class Phase {
        String connectionId;
        double seconds;
        String status;
        long graphRequests;
        long pages;
        long peakHeap;
        long gcMillis;
        double syncCpuSeconds;
        double infraCpuSeconds;
        double postgresCpuSeconds;
        double loadAverage;
        /** CPU seconds by thread group (pool threads summed): where the sync JVM's CPU went, and how busy each was. */
        final Map<String, Double> threadCpuSeconds = new java.util.TreeMap<>();
        List<RunStep> steps = List.of();

        double stepSeconds(SyncResource resource) {
            return steps.stream().filter(s -> s.resource() == resource && s.startedAt() != null && s.finishedAt() != null)
                    .mapToDouble(s -> Duration.between(s.startedAt(), s.finishedAt()).toMillis() / 1000.0).sum();
        }

        long count(SyncResource resource, java.util.function.ToLongFunction<RunStep> f) {
            return steps.stream().filter(s -> s.resource() == resource).mapToLong(f).sum();
        }

        long events() {
            return steps.stream().mapToLong(s -> s.created() + s.updated() + 2 * s.deleted()).sum();
        }
    }

    static final class ReadOnly {
        double seconds;
        double syncCpuSeconds;
        double infraCpuSeconds;
        double usersSeconds;
        /** CPU seconds of the sync JVM and the simulator while the users were read. */
        double usersCpuSeconds;
        double groupsSeconds;
        long requests;
        long userPages;
        long groupPages;
    }

    static final class Report {
        List<SyncResource> resources = List.of();
        int users;
        int groups;
        double setupSeconds;
        ReadOnly readOnly;
        long readOnlyPeakHeap;
        final List<Phase> warmUps = new ArrayList<>();
        Phase full;
        final List<Phase> fulls = new ArrayList<>();
        Phase delta;
        PublishFloor.Result publishFloor;
        List<StorageFloor.Result> storageFloor = List.of();
        long storedUsers;
        long storedMemberships;
        int changedUsers;

        String markdown() {
            StringBuilder b = new StringBuilder();
            var rt = Runtime.getRuntime();
            b.append("\n## ").append(Instant.now()).append(" — ").append(String.format("%,d", users)).append(" users, ")
                    .append(String.format("%,d", groups)).append(" groups")
                    .append(resources.isEmpty() ? "" : ", steps " + resources.stream().map(SyncResource::wireName)
                            .collect(java.util.stream.Collectors.joining(", ")) + " only")
                    .append("\n\n");
            b.append("Machine: ").append(rt.availableProcessors()).append(" cores, sync JVM heap max ")
                    .append(mb(rt.maxMemory())).append(" MB (").append(ManagementFactory.getRuntimeMXBean().getVmVersion())
                    .append("); the simulator and Kafka run in a second JVM on the same cores; PostgreSQL local. ")
                    .append(warmUps.isEmpty() ? "No warm-up: the full sync ran with a cold JIT."
                            : String.format("JIT warmed up by %s of the same tenant into other connections (%s s; their "
                                    + "rows stay in the tables, as other tenants' would).",
                                    warmUps.size() == 1 ? "a full sync" : warmUps.size() + " full syncs",
                                    warmUps.stream().map(w -> String.format("%.2f", w.seconds))
                                            .collect(java.util.stream.Collectors.joining(", "))))
                    .append("\n\n");
            double usersFull = full.stepSeconds(SyncResource.USERS);
            b.append("| phase | wall time | users/s | CPU s (sync JVM / simulator+Kafka JVM / PostgreSQL) | Graph requests | pages "
                    + "| events published | peak heap | GC | load avg |\n");
            b.append("|---|---|---|---|---|---|---|---|---|---|\n");
            b.append(String.format("| read only (no store, no publish) | %.2f s | %,.0f | %.1f / %.1f / 0 | %d | %d | 0 | %d MB | | |%n",
                    readOnly.seconds, users / readOnly.usersSeconds, readOnly.syncCpuSeconds, readOnly.infraCpuSeconds,
                    readOnly.requests, readOnly.userPages + readOnly.groupPages, mb(readOnlyPeakHeap)));
            b.append(String.format("| full sync | %.2f s | %,.0f (users step) / %,.0f (whole run) | %.1f / %.1f / %.1f | %d | %d | %,d | %d MB | %d ms | %.1f |%n",
                    full.seconds, users / usersFull, users / full.seconds, full.syncCpuSeconds, full.infraCpuSeconds,
                    full.postgresCpuSeconds,
                    full.graphRequests, full.pages, full.events(), mb(full.peakHeap), full.gcMillis, full.loadAverage));
            b.append(String.format("| delta after %,d users changed | %.2f s | | %.1f / %.1f / %.1f | %d | %d | %,d | %d MB | %d ms | %.1f |%n",
                    changedUsers, delta.seconds, delta.syncCpuSeconds, delta.infraCpuSeconds, delta.postgresCpuSeconds,
                    delta.graphRequests,
                    delta.pages, delta.events(), mb(delta.peakHeap), delta.gcMillis, delta.loadAverage));
            b.append("\n");
            b.append(String.format("- Ratio full sync / read only: users step %.2f (%.2f s vs %.2f s); users + groups "
                            + "+ SKUs %.2f (%.2f s vs %.2f s)%n", usersFull / readOnly.usersSeconds, usersFull,
                    readOnly.usersSeconds,
                    (usersFull + full.stepSeconds(SyncResource.GROUPS) + full.stepSeconds(SyncResource.SUBSCRIBED_SKUS))
                            / readOnly.seconds,
                    usersFull + full.stepSeconds(SyncResource.GROUPS) + full.stepSeconds(SyncResource.SUBSCRIBED_SKUS),
                    readOnly.seconds));
            if (fulls.size() > 1) {
                b.append(String.format("- %d measured full syncs (the table shows the median): users step %s users/s; "
                                + "whole run %s s%n", fulls.size(),
                        fulls.stream().map(f -> String.format("%,.0f", users / f.stepSeconds(SyncResource.USERS)))
                                .collect(java.util.stream.Collectors.joining(", ")),
                        fulls.stream().map(f -> String.format("%.2f", f.seconds))
                                .collect(java.util.stream.Collectors.joining(", "))));
            }
            b.append("- Sync JVM CPU by thread in the full run (s): ");
            full.threadCpuSeconds.entrySet().stream().filter(e -> e.getValue() >= 0.05)
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> b.append(String.format("%s %.1f; ", e.getKey(), e.getValue())));
            b.append("\n");
            b.append("- Full run per resource: ");
            for (RunStep s : full.steps) {
                if (s.startedAt() != null && s.finishedAt() != null) {
                    b.append(String.format("%s %.2f s (%,d fetched, %,d created); ", s.resource().wireName(),
                            Duration.between(s.startedAt(), s.finishedAt()).toMillis() / 1000.0, s.fetched(), s.created()));
                }
            }
            b.append("\n");
            b.append(String.format("- Stored after the full run: %,d users, %,d group memberships (direct + transitive); "
                    + "full run status: %s%n", storedUsers, storedMemberships, full.status));
            b.append(String.format("- Delta run: %,d users updated, %,d license assignments updated; status %s%n",
                    delta.count(SyncResource.USERS, RunStep::updated),
                    delta.count(SyncResource.LICENSE_ASSIGNMENTS, RunStep::updated), delta.status));
            b.append(String.format("- Tenant generation and infrastructure start-up (not measured above): %.0f s%n",
                    setupSeconds));
            if (publishFloor != null) {
                floors(b);
            }
            return b.toString();
        }

        /**
         * The least any design spends on a full sync of this tenant, in CPU seconds: reading the pages (the read-only
         * phase), storing the rows (copied back with nothing else) and sending their events (built beforehand); and
         * what two cores have at the target of 20,000 users/s.
         */
        private void floors(StringBuilder b) {
            b.append(String.format("- Floor, publishing: the %,d events of the rows of %s, built beforehand, sent "
                            + "alone (5,000 a batch, two in flight): %.2f s, CPU s %.1f / %.1f (sync JVM / "
                            + "simulator+Kafka JVM)%n", publishFloor.events(), String.join(", ", FLOOR_TABLES),
                    publishFloor.seconds(), publishFloor.syncCpuSeconds(), publishFloor.kafkaCpuSeconds()));
            for (StorageFloor.Result r : storageFloor) {
                b.append(String.format("- Floor, storing: the full run's %,d rows of %s copied back into empty tables "
                                + "with %s (COPY, table after table, %,d rows a transaction on two connections, nothing else): %.2f s, "
                                + "%.1f PostgreSQL CPU s%n", r.rows(), String.join(", ", FLOOR_TABLES), r.variant(),
                        5000, r.seconds(), r.postgresCpuSeconds()));
            }
            double reading = readOnly.syncCpuSeconds + readOnly.infraCpuSeconds;
            double publishing = publishFloor.syncCpuSeconds() + publishFloor.kafkaCpuSeconds();
            double storing = storageFloor.stream().filter(r -> !r.serviceIndexes())
                    .mapToDouble(StorageFloor.Result::postgresCpuSeconds).sum();
            double budget = 2.0 * users / 20_000;
            b.append(String.format("- Sum of the floors: %.1f CPU s (reading %.1f + storing with primary keys only "
                            + "%.1f + publishing, sync JVM and Kafka, %.1f). At 20,000 users/s the whole run may take "
                            + "%.1f s: %.1f CPU s on 2 cores%n", reading + storing + publishing, reading, storing,
                    publishing, users / 20_000.0, budget));
            // The users step alone: reading the users, storing and publishing them and their license assignments.
            List<String> usersStep = List.of("users", "license_assignments");
            double usersReading = readOnly.usersCpuSeconds;
            double usersStoring = storageFloor.stream().filter(r -> !r.serviceIndexes())
                    .mapToDouble(r -> r.cpuOf(usersStep)).sum();
            double usersPublishing = publishFloor.cpuOf(usersStep);
            b.append(String.format("- Floors of the users step alone (users and license assignments): %.1f CPU s "
                            + "(reading %.1f + storing with primary keys only %.1f + publishing %.1f), against the "
                            + "same %.1f CPU s at 20,000 users/s%n", usersReading + usersStoring + usersPublishing,
                    usersReading, usersStoring, usersPublishing, budget));
        }

        void print() {
            System.out.println(markdown());
        }

        void append(Path file) throws java.io.IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, "# sync-service benchmark results\n\nAppended by `SyncBenchmark` "
                        + "(see README: benchmark); newest last.\n");
            }
            Files.writeString(file, markdown(), StandardOpenOption.APPEND);
        }

        private static long mb(long bytes) {
            return bytes / (1024 * 1024);
        }
    }

}
