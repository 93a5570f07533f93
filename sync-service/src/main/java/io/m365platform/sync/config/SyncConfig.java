package io.m365platform.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Configuration under {@code sync.*} (see README: configuration). */
@ConfigMapping(prefix = "sync")
public interface SyncConfig {

    /** Lease owner name of this instance; defaults to host name + a random suffix. */
    Optional<String> instanceId();

    Runs runs();

    Schedule schedule();

    Guard guard();

    Graph graph();

    interface Runs {
        @WithDefault("60s")
        Duration lease();

        @WithDefault("15s")
        Duration heartbeat();

        @WithDefault("2")
        int maxConcurrent();

        /** How often each instance looks for runs to take over (crashed instances) or resume (paused). */
        @WithDefault("15s")
        Duration reaperInterval();

        @WithDefault("5m")
        Duration pauseDelay();

        @WithDefault("8")
        int maxAttempts();

        @WithDefault("10")
        int progressEveryPages();

        @WithDefault("500")
        int deletionChunk();

        @WithDefault("5000")
        int membershipChunk();
    }

    interface Schedule {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("15m")
        Duration incremental();

        @WithDefault("24h")
        Duration full();

        /** A delta link older than this is not used; the resource is read in full. */
        @WithDefault("7d")
        Duration deltaMaxAge();

        /** How often the scheduler looks for connections whose next run is due. */
        @WithDefault("30s")
        Duration tick();

        /**
         * Incremental runs read users' signInActivity (AuditLog.Read.All) again when the last read is older than
         * this; full runs always read it (users delta cannot return it).
         */
        @WithDefault("24h")
        Duration signInActivityMaxAge();
    }

    interface Guard {
        @WithDefault("0.2")
        double maxDeletionShare();

        @WithDefault("10")
        int minDeletions();
    }

    TokenBroker tokenBroker();

    interface Graph {
        @WithDefault("999")
        int pageSize();

        /** Graph root including the version; a simulator's in tests and local runs. */
        @WithDefault("https://graph.microsoft.com/v1.0")
        URI baseUrl();

        /** Login host (no path); only used to build the endpoints object, tokens come from the broker. */
        @WithDefault("https://login.microsoftonline.com")
        URI loginUrl();

        /** PEM certificate(s) to trust instead of the JVM's (a local simulator). */
        Optional<String> trustPem();

        Optional<Path> trustPemFile();

        /** Attempts per Graph call (the first included) before a run pauses. */
        @WithDefault("6")
        int maxAttempts();

        /** The Graph SDK's own retries of 429/503/504 per HTTP call. */
        @WithDefault("3")
        int sdkMaxRetries();

        @WithDefault("4")
        int perTenantConcurrency();

        /** Wait before the first retry of a throttled call without Retry-After (doubling, with jitter). */
        @WithDefault("1s")
        Duration backoffBase();

        @WithDefault("60s")
        Duration backoffCap();
    }

    interface TokenBroker {
        /** connection-service's base URL. */
        @WithDefault("http://localhost:8081")
        URI url();

        /** {@code oidc-client} (client-credentials grant, quarkus.oidc-client.*) or {@code static}. */
        @WithDefault("oidc-client")
        String auth();

        /** The bearer token for {@code auth=static} (a secret: from the environment, never logged). */
        Optional<String> staticToken();

        @WithDefault("10s")
        Duration timeout();

        /** A brokered Graph token is used until this long before it expires. */
        @WithDefault("2m")
        Duration refreshBefore();
    }
}
