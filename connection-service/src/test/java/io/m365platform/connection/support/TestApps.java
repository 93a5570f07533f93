package io.m365platform.connection.support;

import io.m365platform.graphsim.tenant.AppOperations;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** App registrations in the simulator's tenant, one per test scenario so scenarios never share an msal4j cache. */
public final class TestApps {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private TestApps() {
    }

    public static TestApp register(Set<String> application, Set<String> delegated) {
        return register(application, delegated, Duration.ofDays(365));
    }

    public static TestApp register(Set<String> application, Set<String> delegated, Duration secretLifetime) {
        AppOperations.RegisteredApp app = SimulatorResource.tenant().apps().register(new AppOperations.Registration(null,
                "connection-service test app " + COUNTER.incrementAndGet(), application, delegated,
                List.of(SimulatorResource.REDIRECT_URI), List.of(secretLifetime), List.of()));
        AppOperations.IssuedSecret secret = app.secrets().get(0);
        SECRETS.add(secret.value());
        return new TestApp(app.tenantId(), app.clientId(), secret.value(), secret.keyId(), secret.endDateTime());
    }

    /** A further secret of an app (its value), remembered for the secret scan. */
    public static String addSecret(String clientId, Duration lifetime) {
        String value = SimulatorResource.tenant().apps().addSecret(clientId, lifetime).value();
        SECRETS.add(value);
        return value;
    }

    /** Remembers a made-up secret a test sent (a wrong one), for the secret scan. */
    public static String remember(String secret) {
        SECRETS.add(secret);
        return secret;
    }

    /** Every client secret the tests of this run created or sent. */
    public static List<String> allSecrets() {
        return List.copyOf(SECRETS);
    }
}
