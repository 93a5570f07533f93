package io.m365platform.localstack;

import io.m365platform.localstack.simulator.LocalSimulator;
import io.m365platform.localstack.simulator.PlatformIdentity;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code --simulator-only}: the Graph simulator with the same demo and platform tenants as the local run, for
 * docker-compose (where the services run in their own containers). Prints what a person needs to connect the
 * demo tenant and get an operator token; runs until stopped.
 */
final class SimulatorOnly {

    private SimulatorOnly() {
    }

    static void run(LocalStackOptions options, PrintStream out) throws Exception {
        LocalStackOptions.SimulatorOnly s = options.simulatorOnly();
        LocalSimulator simulator = LocalSimulator.start(new LocalSimulator.Settings(s.host(), options.simulatorPort(),
                s.keyStore(), s.keyStorePassword(), options.dataDirectory().resolve("simulator"), options.demoSeed(),
                options.demoUsers(), s.operatorSecret(), s.serviceSecret()));
        PlatformIdentity platform = simulator.platform();
        // The demo tenant's credentials are the simulator's own (a simulated tenant, nothing real behind them).
        out.printf("""
                Graph simulator ready: %s (certificate %s)
                Demo tenant %s (tenant id %s), app registration:
                  client id     %s
                  client secret %s
                Platform tenant %s (the services' OIDC provider, %s):
                  operator console app %s (roles operator, admin)
                  platform services app %s (role service)
                """, simulator.baseUrl(), simulator.certificateFile(), simulator.demoTenantDomain(),
                simulator.demoTenantId(), simulator.demoApp().clientId(), simulator.demoApp().secret(),
                platform.tenantId(), platform.authServerUrl(), platform.operatorApp().clientId(),
                platform.serviceApp().clientId());
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stop.countDown();
        }, "simulator-stop"));
        stop.await();
    }
}
