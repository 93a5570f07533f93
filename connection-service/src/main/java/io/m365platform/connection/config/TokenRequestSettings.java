package io.m365platform.connection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How connection-service asks Entra ID for tokens: attempts and backoff for transient failures. Where Entra ID and
 * Graph are (and which certificate to trust) is every service's {@code platform.graph.*} (service-commons'
 * GraphConfig).
 */
@ConfigMapping(prefix = "connection.token-requests")
public interface TokenRequestSettings {

    /** Attempts for transient failures (5xx, timeouts, 429), the first included. */
    @WithDefault("3")
    int attempts();

    /** First backoff between attempts (doubles, with jitter). */
    @WithDefault("500ms")
    Duration backoff();

    /** Longest backoff. */
    @WithDefault("5s")
    Duration backoffMax();
}
