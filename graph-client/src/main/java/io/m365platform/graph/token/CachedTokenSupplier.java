package io.m365platform.graph.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Caches a token from a costly source (e.g. the connection-service token broker over REST) until
 * {@code margin} before it expires. Thread-safe; concurrent callers wait for one refresh.
 */
public final class CachedTokenSupplier implements Supplier<AccessToken> {

    private final Supplier<AccessToken> source;
    private final Duration margin;
    private final Clock clock;
    private volatile AccessToken current;

    public CachedTokenSupplier(Supplier<AccessToken> source, Duration margin, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.margin = Objects.requireNonNull(margin, "margin");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Refreshes 5 minutes before expiry. */
    public CachedTokenSupplier(Supplier<AccessToken> source) {
        this(source, Duration.ofMinutes(5), Clock.systemUTC());
    }

    @Override
    public AccessToken get() {
        AccessToken t = current;
        if (t != null && !t.expiresWithin(margin, clock)) {
            return t;
        }
        synchronized (this) {
            t = current;
            if (t == null || t.expiresWithin(margin, clock)) {
                t = Objects.requireNonNull(source.get(), "token source returned null");
                current = t;
            }
            return t;
        }
    }

    /** Drops the cached token (e.g. after Graph answered 401 InvalidAuthenticationToken). */
    public void invalidate() {
        current = null;
    }
}
