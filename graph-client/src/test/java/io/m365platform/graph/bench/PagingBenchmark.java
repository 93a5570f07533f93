package io.m365platform.graph.bench;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.request.GraphAccess;
import io.m365platform.graph.request.GraphClientSettings;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.graph.request.GraphUrl;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.AppTokenClient;
import io.m365platform.graph.token.MsalApplications;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.Tenant;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads N users from an in-process Graph simulator through the streaming {@code CollectionReader}
 * (SDK transport + Jackson streaming) and through the SDK's {@code PageIterator} (Kiota models), and
 * prints users/s. Not a test: run it by hand (see README), results go to target/benchmarks/graph-client.txt.
 *
 * <p>Args: [users=20000] [measuredRounds=5]
 */
public final class PagingBenchmark {

    private static final String[] SELECT = {"id", "displayName", "userPrincipalName", "mail", "accountEnabled", "userType",
            "department", "jobTitle", "createdDateTime", "usageLocation", "assignedLicenses"};

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (GraphSimulator sim = GraphSimulator.start()) {
            long genStart = System.nanoTime();
            Tenant tenant = sim.tenants().generate(4242, users);
            long genMillis = (System.nanoTime() - genStart) / 1_000_000;
            int actualUsers = tenant.users().count();
            RegisteredApp app = tenant.apps().register(Registration.of("benchmark", Set.of("User.Read.All")));

            GraphEndpoints endpoints = GraphEndpoints.simulator(URI.create(sim.baseUrl()), sim.certificatePem());
            AppTokenClient tokens = new AppTokenClient(new MsalApplications(endpoints));
            AppCredentials creds = new AppCredentials(app.clientId(), app.secret());
            GraphClients clients = new GraphClients(endpoints, GraphClientSettings.defaults());
            GraphAccess access = clients.forTenant(tenant.id(), () -> tokens.acquire(creds, TenantId.of(tenant.id())));
            try {
                String path = GraphUrl.path("/users").select(SELECT).top(999).build();
                // Warm-up: JIT, TLS sessions, token cache.
                streamRound(access, path, actualUsers);
                pageIteratorRound(access, actualUsers);

                List<Double> stream = new ArrayList<>();
                List<Double> sdk = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    stream.add(streamRound(access, path, actualUsers));
                    sdk.add(pageIteratorRound(access, actualUsers));
                }
                double streamMedian = median(stream);
                double sdkMedian = median(sdk);
                String report = String.format(
                        "graph-client paging benchmark, %s%n"
                                + "users: %d (%d pages of 999, $select of %d properties), tenant generated in %d ms%n"
                                + "machine: %d cores, load average %.1f at the end, java %s, max heap %d MiB; simulator in the same JVM%n"
                                + "rounds: 1 warm-up + %d measured, median users/s%n"
                                + "stream reader (CollectionReader, Jackson streaming): %,.0f users/s  rounds %s%n"
                                + "SDK PageIterator (Kiota models):                      %,.0f users/s  rounds %s%n"
                                + "ratio stream/SDK: %.2fx%n",
                        Instant.now(), actualUsers, (actualUsers + 998) / 999, SELECT.length, genMillis,
                        Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        System.getProperty("java.version"),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024), rounds,
                        streamMedian, format(stream), sdkMedian, format(sdk), streamMedian / sdkMedian);
                System.out.print(report);
                Path out = outputFile();
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
                System.out.println("written to " + out);
            } finally {
                clients.close();
            }
        }
    }

    private static double streamRound(GraphAccess access, String path, int expected) {
        LongAdder count = new LongAdder();
        long start = System.nanoTime();
        access.collections().readAll(path, Map.of(), user -> {
            if (user.hasNonNull("id")) {
                count.increment();
            }
        }, page -> { });
        return rate(count.sum(), expected, start);
    }

    private static double pageIteratorRound(GraphAccess access, int expected) throws ReflectiveOperationException {
        LongAdder count = new LongAdder();
        long start = System.nanoTime();
        UserCollectionResponse first = access.sdk().users().get(rc -> {
            rc.queryParameters.select = SELECT;
            rc.queryParameters.top = 999;
        });
        PageIterator<User, UserCollectionResponse> it = new PageIterator.Builder<User, UserCollectionResponse>()
                .client(access.sdk())
                .collectionPage(first)
                .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(u -> {
                    if (u.getId() != null) {
                        count.increment();
                    }
                    return true;
                })
                .build();
        it.iterate();
        return rate(count.sum(), expected, start);
    }

    private static double rate(long counted, int expected, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (counted != expected) {
            throw new IllegalStateException("read " + counted + " users, expected " + expected);
        }
        return counted / seconds;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String format(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }

    /** {@code <module>/target/benchmarks/graph-client.txt}, located from the test classes directory. */
    private static Path outputFile() throws IOException {
        try {
            Path classes = Path.of(PagingBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().resolve("benchmarks").resolve("graph-client.txt");
        } catch (Exception e) {
            return Path.of("target", "benchmarks", "graph-client.txt");
        }
    }
}
