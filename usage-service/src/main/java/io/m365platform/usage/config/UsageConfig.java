package io.m365platform.usage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Configuration under {@code usage.*} (see README: configuration). */
@ConfigMapping(prefix = "usage")
public interface UsageConfig {

    Ingestion ingestion();

    Utilisation utilisation();

    Concealment concealment();

    interface Concealment {
        /**
         * After the service turned concealment off ({@code PATCH /admin/reportSettings}), how long until the days are
         * asked again: Graph applies the setting to the API "after a few minutes" (GRAPH_FACTS §10.1).
         */
        @WithDefault("10m")
        Duration settleDelay();
    }

    interface Ingestion {
        /** Whether this instance polls the report-day queue (off in tests that drive it themselves). */
        @WithDefault("true")
        boolean enabled();

        /** How often the queue is polled for due report days (also the property of the @Scheduled poller). */
        @WithDefault("5s")
        Duration pollInterval();

        /** Days of the usage window ending at the latest day with data (Graph's "28 days"). */
        @WithDefault("28")
        int windowDays();

        /** How far back Graph's date= form reaches (older dates: 400 "Only support data for the past 28 days"). */
        @WithDefault("28")
        int dateFormDays();

        /**
         * The newest day asked for is today minus this many days: reports are about two days behind (GRAPH_FACTS
         * §5.5), so asking for yesterday only spends throttle budget.
         */
        @WithDefault("2")
        int newestDayLag();

        /** Report calls allowed per report, app and tenant per throttle window (Graph: 14 CSV calls / 10 min). */
        @WithDefault("14")
        int throttleRequests();

        @WithDefault("10m")
        Duration throttleWindow();

        /** When a day has no data yet (after the latest day with data), when to ask again. */
        @WithDefault("3h")
        Duration notYetAvailableRetry();

        /** When a call failed for another reason (token, network, permission), when to ask again. */
        @WithDefault("15m")
        Duration errorRetry();

        /** A claimed day not finished within this time (the instance died) is claimed again. */
        @WithDefault("5m")
        Duration claimLease();
    }

    interface Utilisation {
        /** A holder with no sign-in for this many days (where the sign-in is known) counts as inactive. */
        @WithDefault("30")
        int inactiveSignInDays();
    }
}
