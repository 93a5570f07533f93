package io.m365platform.graphsim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a simulator. Defaults: 127.0.0.1, a free port, a fresh self-signed certificate, fault seed 0,
 * access tokens valid 3599 s, the last 10,000 requests logged.
 */
public final class SimulatorConfig {
    String host = "127.0.0.1";
    int port = 0;
    Path keyStore;
    char[] keyStorePassword;
    long faultSeed = 0;
    Duration tokenLifetime = Duration.ofSeconds(3599);
    int requestLogCapacity = 10_000;
    final List<SimulatorModule> extraModules = new ArrayList<>();

    public static SimulatorConfig defaults() {
        return new SimulatorConfig();
    }

    public SimulatorConfig host(String h) {
        this.host = h;
        return this;
    }

    /** 0 = any free port. */
    public SimulatorConfig port(int p) {
        this.port = p;
        return this;
    }

    /** Serve this PKCS12/JKS keystore's first key instead of a generated self-signed certificate. */
    public SimulatorConfig keyStore(Path path, char[] password) {
        this.keyStore = path;
        this.keyStorePassword = password;
        return this;
    }

    public SimulatorConfig faultSeed(long seed) {
        this.faultSeed = seed;
        return this;
    }

    public SimulatorConfig tokenLifetime(Duration d) {
        this.tokenLifetime = d;
        return this;
    }

    public SimulatorConfig requestLogCapacity(int n) {
        this.requestLogCapacity = n;
        return this;
    }

    /** Adds a module beyond the built-in ones (tests of a module, experiments). */
    public SimulatorConfig module(SimulatorModule m) {
        this.extraModules.add(m);
        return this;
    }
}
