package io.m365platform.service.graph;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where Microsoft Entra ID and Graph are, and how hard to retry them: one set of settings for every service
 * ({@code platform.graph.*}, environment {@code PLATFORM_GRAPH_*}). Server configuration, never user input. In
 * production the Microsoft cloud; in tests and the local run the Graph simulator, whose self-signed certificate is
 * trusted through {@code trust-pem} / {@code trust-pem-file}.
 */
@ConfigMapping(prefix = "platform.graph")
public interface GraphConfig {

    /** Login host without path, e.g. {@code https://login.microsoftonline.com}. */
    @WithDefault("https://login.microsoftonline.com")
    URI loginUrl();

    /** Graph root including the version, e.g. {@code https://graph.microsoft.com/v1.0}. */
    @WithDefault("https://graph.microsoft.com/v1.0")
    URI baseUrl();

    /** PEM certificate(s) to trust instead of the JVM trust store (a local simulator). Blank means unset. */
    Optional<String> trustPem();

    /** The same, from a file. */
    Optional<Path> trustPemFile();

    @WithDefault("10s")
    Duration connectTimeout();

    @WithDefault("60s")
    Duration readTimeout();

    /** A whole call, connection to last byte (a page of 999 users streams for a while). */
    @WithDefault("120s")
    Duration callTimeout();

    /** Attempts per Graph call (the first included) before the caller gives up (a sync run pauses). */
    @WithDefault("6")
    int maxAttempts();

    /** The Graph SDK's own retries of 429/503/504 per HTTP call. */
    @WithDefault("3")
    int sdkMaxRetries();

    /** Graph requests in flight per tenant from this instance. */
    @WithDefault("4")
    int perTenantConcurrency();

    /** Wait before the first retry of a throttled call without Retry-After (doubling, with jitter). */
    @WithDefault("1s")
    Duration backoffBase();

    @WithDefault("60s")
    Duration backoffCap();
}
