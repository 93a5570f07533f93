package io.m365platform.connection.broker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code connection.token-broker.*}: how long a caller waits, how many token requests run at once. */
@ConfigMapping(prefix = "connection.token-broker")
public interface BrokerSettings {

    /**
     * The longest a caller waits for a token. Shorter than the callers' own timeout (10 s), so a slow identity
     * platform answers them 503 with Retry-After instead of leaving abandoned requests behind; the token request
     * itself goes on and the next caller gets its result.
     */
    @WithDefault("8s")
    Duration deadline();

    /** Token requests to the identity platform in flight at once (one per connection at most). */
    @WithDefault("8")
    int concurrentRequests();

    /** How long the audit of issued tokens is kept. */
    @WithDefault("90d")
    Duration auditRetention();
}
