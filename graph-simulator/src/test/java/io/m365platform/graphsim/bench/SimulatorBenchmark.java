package io.m365platform.graphsim.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.tenant.AppOperations;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Figures for the README (not a test): start-up, generation of 100k and 1M users, heap of a 1M-user tenant, and
 * users served per second (full paging of a 100k tenant at $top=999, parsed with Jackson streaming; one client
 * and two concurrent clients; a full users/delta round). Run with {@code graph-simulator/run-benchmark.sh};
 * writes target/benchmarks/graph-simulator.txt.
 */
public final class SimulatorBenchmark {
    private static final StringBuilder OUT = new StringBuilder();

    private static void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println(line);
        OUT.append(line).append('\n');
    }

    public static void main(String[] args) throws Exception {
        int servedUsers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int bigUsers = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        report("graph-simulator benchmark, %s, %d cores, max heap %d MB, java %s", Instant.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));

        long t0 = System.nanoTime();
        GraphSimulator sim = GraphSimulator.start();
        report("first start (incl. one-time RSA signing key): %d ms", ms(t0));
        t0 = System.nanoTime();
        GraphSimulator.start().close();
        report("second start in the same JVM: %d ms", ms(t0));

        t0 = System.nanoTime();
        Tenant tenant = sim.tenants().generate(new GenerationSpec(1, servedUsers, "bench"));
        report("generate %,d users: %d ms", servedUsers, ms(t0));

        var app = tenant.apps().register(AppOperations.Registration.of("bench", Set.of("User.Read.All")));
        HttpClient http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
        String form = "grant_type=client_credentials&client_id=" + app.clientId() + "&client_secret="
                + URLEncoder.encode(app.secret(), StandardCharsets.UTF_8) + "&scope=" + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8);
        String token = Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(sim.tokenUrl(tenant.id())))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        String first = sim.graphBaseUrl() + "/users?$top=999&$select=id,displayName,userPrincipalName,accountEnabled,userType,assignedLicenses";

        pageAll(http, token, first); // warm-up
        t0 = System.nanoTime();
        int n = pageAll(http, token, first);
        long took = ms(t0);
        report("serve %,d users (pages of 999, 1 client): %d ms = %,d users/s", n, took, n * 1000L / Math.max(1, took));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        t0 = System.nanoTime();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            futures.add(pool.submit(() -> pageAll(http, token, first)));
        }
        int total = 0;
        for (Future<Integer> f : futures) {
            total += f.get();
        }
        took = ms(t0);
        pool.shutdown();
        report("serve %,d users (2 concurrent clients): %d ms = %,d users/s", total, took, total * 1000L / Math.max(1, took));

        t0 = System.nanoTime();
        int delta = pageAll(http, token, sim.graphBaseUrl() + "/users/delta()?$select=id,displayName,accountEnabled", "odata.maxpagesize=999");
        took = ms(t0);
        report("users/delta initial round, %,d users: %d ms = %,d users/s", delta, took, delta * 1000L / Math.max(1, took));
        sim.close();

        System.gc();
        long before = usedHeap();
        t0 = System.nanoTime();
        GraphSimulator big = GraphSimulator.start();
        Tenant huge = big.tenants().generate(new GenerationSpec(2, bigUsers, "huge"));
        report("generate %,d users: %d ms", bigUsers, ms(t0));
        System.gc();
        long after = usedHeap();
        report("heap held by the %,d-user tenant: %,d MB (%d bytes/user incl. groups, grants, indexes)", bigUsers,
                (after - before) >> 20, (after - before) / bigUsers);
        report("  (%d groups)", huge.groups().list().size());
        big.close();

        Path file = Path.of("target", "benchmarks", "graph-simulator.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, OUT.toString());
        System.out.println("written to " + file.toAbsolutePath());
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static int pageAll(HttpClient http, String token, String url) throws Exception {
        return pageAll(http, token, url, null);
    }

    /** Follows nextLinks; counts the users, parsing with Jackson streaming (as the platform's sync does). */
    private static int pageAll(HttpClient http, String token, String url, String prefer) throws Exception {
        int count = 0;
        String next = url;
        while (next != null) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(next)).header("Authorization", "Bearer " + token);
            if (prefer != null) {
                b.header("Prefer", prefer);
            }
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + r.statusCode() + " for " + next);
            }
            next = null;
            try (InputStream in = r.body(); JsonParser p = Json.FACTORY.createParser(in)) {
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("value")) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            count++;
                            p.skipChildren();
                        }
                    } else if (field.equals("@odata.nextLink")) {
                        next = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            }
        }
        return count;
    }
}
