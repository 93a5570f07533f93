package io.m365platform.action.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** action-service's own settings ({@code action.*}). */
@ConfigMapping(prefix = "action")
public interface ActionConfig {

    Requests requests();

    Worker worker();

    Approval approval();

    interface Requests {
        /**
         * Requests older than this when they arrive are refused: an old command replayed from the topic must not
         * delete anyone.
         */
        @WithDefault("PT24H")
        Duration maxAge();
    }

    interface Worker {
        /** Whether this instance runs actions (off: intake and REST only). */
        @WithDefault("true")
        boolean enabled();

        /** How long a claimed action is this instance's; past it another instance takes the action over. */
        @WithDefault("PT2M")
        Duration lease();

        /** How often the table is polled when nothing woke the worker up. */
        @WithDefault("PT0.5S")
        Duration pollInterval();

        /** Actions claimed at once. */
        @WithDefault("64")
        int batchSize();

        /** Actions run at the same time by this instance (on different targets). */
        @WithDefault("32")
        int concurrency();

        /** Attempts per action (throttling, outages) before it fails. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait before trying again when no token could be had for a reason that may pass. */
        @WithDefault("PT1M")
        Duration tokenRetryDelay();

        /** Wait between polls of a long-running operation (OneDrive copy monitor). */
        @WithDefault("PT2S")
        Duration monitorInterval();
    }

    interface Approval {
        /** Action types (wire names) that need a second operator's approval on every connection. */
        @WithDefault("none")
        List<String> requiredFor();
    }
}
