package io.m365platform.sync.bench;

import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantGenerator;
import io.m365platform.testsupport.kafka.SharedKafkaBroker;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's infrastructure in its own JVM (so that the sync engine's heap is measured, and capped, alone):
 * the Graph simulator with a generated tenant of the requested size and a real Kafka broker. Prints
 * {@code READY <file>} with the connection details, then takes commands on stdin:
 * {@code mutate <n>} changes n users (department and job title), {@code quit} ends.
 */
public final class BenchInfra {

    static final Set<String> PERMISSIONS = Set.of("User.Read.All", "GroupMember.Read.All", "Organization.Read.All",
            "RoleManagement.Read.Directory", "Directory.Read.All");

    private BenchInfra() {
    }

    public static void main(String[] args) throws Exception {
        BenchLogging.quiet();
        int users = intArg(args, "--users", 100_000);
        int groups = intArg(args, "--groups", 5_000);
        long seed = intArg(args, "--seed", 7);
        Path out = Path.of(stringArg(args, "--out", "target/bench-infra.properties"));

        long t0 = System.nanoTime();
        GraphSimulator simulator = GraphSimulator.start();
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        Tenant tenant = simulator.tenants().generate(new GenerationSpec(seed, users, "bench"));
        int created = addGroups(tenant, groups, seed);
        AppOperations.RegisteredApp app = TenantGenerator.registerDemoApp(tenant, PERMISSIONS, Set.of(), List.of());
        Path pem = out.resolveSibling("bench-simulator.pem");
        Files.writeString(pem, simulator.certificatePem());
        Properties p = new Properties();
        p.setProperty("graph.base", simulator.graphBaseUrl());
        p.setProperty("login.base", simulator.baseUrl());
        p.setProperty("pem.file", pem.toAbsolutePath().toString());
        p.setProperty("tenant.id", tenant.id());
        p.setProperty("client.id", app.clientId());
        p.setProperty("client.secret", app.secret());
        p.setProperty("kafka.bootstrap", bootstrap);
        p.setProperty("users", String.valueOf(tenant.users().count()));
        p.setProperty("groups", String.valueOf(tenant.groups().list().size()));
        p.setProperty("groups.added", String.valueOf(created));
        p.setProperty("setup.seconds", String.valueOf((System.nanoTime() - t0) / 1_000_000_000.0));
        try (var w = Files.newBufferedWriter(out)) {
            p.store(w, "sync-service benchmark infrastructure");
        }
        System.out.println("READY " + out.toAbsolutePath());
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("mutate ")) {
                int n = Integer.parseInt(line.substring(7).trim());
                mutate(tenant, n, seed);
                System.out.println("MUTATED " + n);
                System.out.flush();
            } else if (line.equals("quit")) {
                break;
            }
        }
        simulator.close();
        System.exit(0);
    }

    /** Groups beyond the generator's (one per 50 users), each with 5-40 user members and some nesting. */
    private static int addGroups(Tenant tenant, int wanted, long seed) {
        List<String> userIds = tenant.users().list().stream().filter(u -> !u.isGuest()).map(User::id).toList();
        int existing = tenant.groups().list().size();
        Random random = new Random(seed);
        List<String> added = new ArrayList<>();
        for (int i = existing; i < wanted; i++) {
            int size = 5 + random.nextInt(36);
            List<String> members = new ArrayList<>(size);
            for (int m = 0; m < size; m++) {
                String id = userIds.get(random.nextInt(userIds.size()));
                if (!members.contains(id)) {
                    members.add(id);
                }
            }
            if (!added.isEmpty() && random.nextInt(10) == 0) {
                members.add(added.get(random.nextInt(added.size())));
            }
            Group g = tenant.groups().create(new Group(null, "Bench group " + i, "benchmark", null, "bench" + i,
                    false, true, List.of(), null, null, null, null, List.of(), List.of(), members, List.of()));
            added.add(g.id());
        }
        return added.size();
    }

    private static void mutate(Tenant tenant, int n, long seed) {
        List<User> users = new ArrayList<>(tenant.users().list());
        java.util.Collections.shuffle(users, new Random(seed * 31 + n));
        Random random = new Random(seed);
        for (User u : users.subList(0, Math.min(n, users.size()))) {
            tenant.users().update(u.id(), b -> b.department("Mutated " + random.nextInt(1000))
                    .jobTitle("Benchmark title " + random.nextInt(1000)));
        }
    }

    static int intArg(String[] args, String name, int fallback) {
        String v = stringArg(args, name, null);
        return v == null ? fallback : Integer.parseInt(v.replace("_", ""));
    }

    static String stringArg(String[] args, String name, String fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
