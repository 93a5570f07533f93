package io.m365platform.connection.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where tokens and Graph come from: server configuration, never user input. In production the Microsoft cloud;
 * in tests and the local run the Graph simulator, whose self-signed certificate is trusted through
 * {@code trust-pem} / {@code trust-pem-file}.
 */
@ConfigMapping(prefix = "connection.graph")
public interface GraphSettings {

    /** Login host without path, e.g. {@code https://login.microsoftonline.com}. */
    @WithDefault("https://login.microsoftonline.com")
    URI loginUrl();

    /** Graph root with version, e.g. {@code https://graph.microsoft.com/v1.0}. */
    @WithDefault("https://graph.microsoft.com/v1.0")
    URI graphUrl();

    /** PEM certificate(s) to trust instead of the JVM trust store (a local simulator). */
    Optional<String> trustPem();

    /** The same, from a file. */
    Optional<Path> trustPemFile();

    @WithDefault("10s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration readTimeout();

    /** Token requests: attempts for transient failures (5xx, timeouts, 429), the first included. */
    @WithDefault("3")
    int tokenAttempts();

    /** Token requests: first backoff between attempts (doubles, with jitter). */
    @WithDefault("500ms")
    Duration tokenBackoff();

    /** Token requests: longest backoff. */
    @WithDefault("5s")
    Duration tokenBackoffMax();
}
