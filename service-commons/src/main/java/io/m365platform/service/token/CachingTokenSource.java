package io.m365platform.service.token;

import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.CachedTokenSupplier;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each connection's token until {@code margin} before it expires, so that the broker is asked once per token
 * lifetime, not once per Graph request.
 */
public final class CachingTokenSource implements TokenSource {

    private final TokenSource source;
    private final Duration margin;
    private final Clock clock;
    private final Map<String, CachedTokenSupplier> cache = new ConcurrentHashMap<>();

    public CachingTokenSource(TokenSource source, Duration margin, Clock clock) {
        this.source = source;
        this.margin = margin;
        this.clock = clock;
    }

    @Override
    public AccessToken token(String connectionId) {
        return cache.computeIfAbsent(connectionId,
                id -> new CachedTokenSupplier(() -> source.token(id), margin, clock)).get();
    }

    /** Drops a connection's token (Graph answered 401, or the connection changed or was deleted). */
    public void invalidate(String connectionId) {
        CachedTokenSupplier cached = cache.remove(connectionId);
        if (cached != null) {
            cached.invalidate();
        }
    }
}
