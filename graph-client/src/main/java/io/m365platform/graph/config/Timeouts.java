package io.m365platform.graph.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Network timeouts for the token endpoint and Graph.
 *
 * @param connect TCP/TLS connect timeout
 * @param read    socket read timeout (time between two reads)
 * @param call    whole Graph call including the SDK's retry sleeps (OkHttp call timeout); msal4j has no
 *                such setting, its token requests are bounded by connect + read
 */
public record Timeouts(Duration connect, Duration read, Duration call) {

    /** msal4j's defaults are 0 (wait forever): never use them. */
    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(120));

    public Timeouts {
        requirePositive(connect, "connect");
        requirePositive(read, "read");
        requirePositive(call, "call");
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name + " timeout");
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " timeout must be positive, was " + d);
        }
    }
}
