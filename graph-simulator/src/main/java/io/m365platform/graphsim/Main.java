package io.m365platform.graphsim;

import io.m365platform.graphsim.control.ControlModule;
import io.m365platform.graphsim.tenant.AppOperations;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone simulator: {@code java -jar graph-simulator-*-standalone.jar [--port 8443] [--users 200] [--seed 1]
 * [--name contoso] [--cert-out sim.pem]}. Prints its URLs and the demo tenant's credentials, runs until killed.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8443;
        int users = 200;
        long seed = 1;
        String name = "contoso";
        Path certOut = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(value, "--port"));
                case "--users" -> users = Integer.parseInt(require(value, "--users"));
                case "--seed" -> seed = Long.parseLong(require(value, "--seed"));
                case "--name" -> name = require(value, "--name");
                case "--cert-out" -> certOut = Path.of(require(value, "--cert-out"));
                case "--help", "-h" -> {
                    System.out.println("Usage: java -jar graph-simulator-standalone.jar [--port 8443 (0 = free)] [--users 200] [--seed 1] [--name contoso] [--cert-out file.pem]");
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        long start = System.nanoTime();
        GraphSimulator sim = GraphSimulator.start(SimulatorConfig.defaults().port(port));
        Tenant tenant = sim.tenants().generate(new GenerationSpec(seed, users, name));
        AppOperations.RegisteredApp app = TenantGenerator.registerDemoApp(tenant, ControlModule.DEMO_APP_PERMISSIONS,
                ControlModule.DEMO_DELEGATED_PERMISSIONS, List.of("http://localhost/callback"));
        if (certOut != null) {
            Files.writeString(certOut, sim.certificatePem());
        }
        String admin = tenant.users().get(tenant.adminUserId()).userPrincipalName();
        System.out.printf("""
                Graph simulator ready in %d ms
                  Graph base URL : %s
                  Authority      : %s
                  Token endpoint : %s
                  Certificate    : %s/_sim/certificate.pem%s
                  Control API    : %s/_sim/info
                Demo tenant (seed %d, %d users)
                  tenant id      : %s
                  domains        : %s
                  client id      : %s
                  client secret  : %s
                  admin user     : %s (signed in by /authorize; redirect URI http://localhost/callback)
                """, (System.nanoTime() - start) / 1_000_000, sim.graphBaseUrl(), sim.authorityUrl(tenant.id()),
                sim.tokenUrl(tenant.id()), sim.baseUrl(), certOut == null ? "" : " (also written to " + certOut + ")",
                sim.baseUrl(), seed, users, tenant.id(), tenant.read(() -> tenant.organization().verifiedDomains()),
                app.clientId(), app.secret(), admin);
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            forever.countDown();
        }));
        forever.await();
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
