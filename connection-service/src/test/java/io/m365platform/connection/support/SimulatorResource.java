package io.m365platform.connection.support;

import com.google.crypto.tink.KeysetHandle;
import io.m365platform.connection.crypto.Keysets;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimulatorConfig;
import io.m365platform.graphsim.tenant.Tenant;

import java.util.HashMap;
import java.util.Map;

/**
 * test-support's simulator fixture with what connection-service's tests add: the applications module, one
 * generated tenant every test connects to, and the service's settings. Also provides the credential keyset: a keyset whose primary key is new and whose older key sealed
 * credentials "before a rotation" (see {@link #oldKeyset()}).
 */
public class SimulatorResource extends io.m365platform.testsupport.graph.SimulatorResource {

    /** Registered on every test app registration and configured as the service's redirect URI. */
    public static final String REDIRECT_URI = "https://platform.example.com/admin-sign-in/callback";

    private static Tenant tenant;
    private static KeysetHandle oldKeyset;
    private static KeysetHandle currentKeyset;

    static synchronized void startOnce() {
        if (tenant == null) {
            GraphSimulator simulator = new SimulatorResource().startSimulator();
            tenant = simulator.tenants().generate(4242, 40);
            oldKeyset = Keysets.generate();
            currentKeyset = Keysets.rotate(oldKeyset);
        }
    }

    private GraphSimulator startSimulator() {
        super.start();
        return simulator();
    }

    @Override
    protected SimulatorConfig simulatorConfig() {
        return SimulatorConfig.defaults().module(new ApplicationsModule());
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        startOnce();
        // Transient failures: retried quickly so tests stay fast (production waits longer).
        config.put("connection.token-requests.attempts", "3");
        config.put("connection.token-requests.backoff", "50ms");
        config.put("connection.token-requests.backoff-max", "200ms");
        config.put("platform.graph.read-timeout", "10s");
        config.put("connection.admin-user.redirect-uri", REDIRECT_URI);
        config.put("connection.crypto.keyset", Keysets.toJson(currentKeyset));
        return config;
    }

    /** The tenant every test connects to (tests isolate themselves by app registration, not by tenant). */
    public static Tenant tenant() {
        startOnce();
        return tenant;
    }

    /** The keyset before the rotation: its only key is an old, non-primary key of the service's keyset. */
    public static KeysetHandle oldKeyset() {
        startOnce();
        return oldKeyset;
    }

    public static KeysetHandle currentKeyset() {
        startOnce();
        return currentKeyset;
    }
}
