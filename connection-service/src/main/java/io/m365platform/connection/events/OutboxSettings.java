package io.m365platform.connection.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How the outbox relay publishes: how often it looks for rows and how long it waits for the broker. */
@ConfigMapping(prefix = "connection.outbox")
public interface OutboxSettings {

    /** How often the relay looks for unpublished rows (read by the scheduler expression of OutboxRelay). */
    @WithDefault("2s")
    String pollEvery();

    /** How long one publication waits for the broker's acknowledgement before the batch stops. */
    @WithDefault("30s")
    Duration sendTimeout();
}
