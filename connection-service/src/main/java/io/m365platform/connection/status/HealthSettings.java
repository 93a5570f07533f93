package io.m365platform.connection.status;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** When connections are re-tested and how early a secret's expiry is announced. */
@ConfigMapping(prefix = "connection.health")
public interface HealthSettings {

    /** How often every connection is re-tested (read by the scheduler expression of HealthCheckJob). */
    @WithDefault("15m")
    String checkEvery();

    /** Delay of the first health check after startup. */
    @WithDefault("1m")
    String checkDelay();

    /** Whether the scheduled health check runs (tests run it on demand). */
    @WithDefault("true")
    boolean checkEnabled();

    /** Warn this long before a known client secret expiry. */
    @WithDefault("30d")
    Duration secretExpiryWarning();

    /** Re-run the report probe in health checks when the last one is older than this (reports are throttled). */
    @WithDefault("24h")
    Duration probeMaxAge();
}
