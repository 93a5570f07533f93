package io.m365platform.graphsim.reports;

import io.m365platform.graphsim.http.GraphException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The report API's own throttle (GRAPH_FACTS §5.7): per report function, per app and tenant, at most {@code limit}
 * requests in a sliding {@code window} (CSV: 14 per 10 minutes; the JSON form counts separately, 100 per 10
 * minutes). The limits are configurable for the whole simulator and per tenant, so tests can hit them quickly.
 */
public final class ReportThrottle {
    /** A limit: how many requests within how long. */
    public record Limit(int csvRequests, int jsonRequests, Duration window) {
        public static final Limit GRAPH = new Limit(14, 100, Duration.ofMinutes(10));

        public Limit {
            if (csvRequests < 1 || jsonRequests < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("Report throttle limits must be at least 1 request in a positive window");
            }
        }
    }

    private Limit defaults = Limit.GRAPH;
    private final Map<String, Limit> perTenant = new HashMap<>();
    private final Map<String, ArrayDeque<Instant>> log = new HashMap<>();

    public synchronized Limit defaults() {
        return defaults;
    }

    /** The simulator-wide limit (tenants without their own). */
    public synchronized void defaults(Limit limit) {
        this.defaults = limit;
    }

    public synchronized Limit limit(String tenantId) {
        return perTenant.getOrDefault(tenantId, defaults);
    }

    /** A tenant's own limit; null → back to the simulator-wide one. */
    public synchronized void limit(String tenantId, Limit limit) {
        if (limit == null) {
            perTenant.remove(tenantId);
        } else {
            perTenant.put(tenantId, limit);
        }
    }

    /** Forgets all counted requests (e.g. between tests). */
    public synchronized void clear() {
        log.clear();
    }

    /** Counts one request or throws 429 with Retry-After (seconds until the oldest counted request leaves the window). */
    public synchronized void acquire(String tenantId, String appId, String function, boolean json, Instant now) {
        Limit l = limit(tenantId);
        int max = json ? l.jsonRequests() : l.csvRequests();
        String key = tenantId + "|" + appId.toLowerCase() + "|" + function + "|" + (json ? "json" : "csv");
        ArrayDeque<Instant> q = log.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant cutoff = now.minus(l.window());
        while (!q.isEmpty() && !q.peekFirst().isAfter(cutoff)) {
            q.pollFirst();
        }
        if (q.size() >= max) {
            long waitMillis = Duration.between(now, q.peekFirst().plus(l.window())).toMillis();
            long retryAfter = Math.max(1, (waitMillis + 999) / 1000);
            throw new GraphException(429, "TooManyRequests", "Too many requests: the limit of " + max + " requests per "
                    + l.window().toSeconds() + " seconds for " + function + " (per application and tenant) was reached. Retry after "
                    + retryAfter + " seconds.").header("Retry-After", String.valueOf(retryAfter));
        }
        q.addLast(now);
    }
}
