package io.m365platform.graphsim.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests per endpoint ("GET /v1.0/users") and per status code. */
public final class EndpointCounters {
    private final Map<String, Map<Integer, LongAdder>> counts = new ConcurrentHashMap<>();

    public void record(String endpoint, int status) {
        counts.computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>()).computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    /** All requests to an endpoint key such as {@code "GET /v1.0/users"}. */
    public long count(String endpoint) {
        Map<Integer, LongAdder> m = counts.get(endpoint);
        return m == null ? 0 : m.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long count(String endpoint, int status) {
        Map<Integer, LongAdder> m = counts.get(endpoint);
        LongAdder a = m == null ? null : m.get(status);
        return a == null ? 0 : a.sum();
    }

    /** endpoint → status → count, sorted. */
    public Map<String, Map<Integer, Long>> snapshot() {
        Map<String, Map<Integer, Long>> result = new TreeMap<>();
        counts.forEach((k, v) -> {
            Map<Integer, Long> byStatus = new TreeMap<>();
            v.forEach((s, a) -> byStatus.put(s, a.sum()));
            result.put(k, byStatus);
        });
        return result;
    }

    public void clear() {
        counts.clear();
    }
}
