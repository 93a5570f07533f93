package io.m365platform.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    interface Graph {
        /** Users per page of {@code /users/delta} ({@code Prefer: odata.maxpagesize}); where Graph is, is {@code platform.graph.*}. */
        @WithDefault("999")
        int pageSize();
    }
}
