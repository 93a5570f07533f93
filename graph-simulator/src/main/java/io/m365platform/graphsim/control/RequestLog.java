package io.m365platform.graphsim.control;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last N requests the simulator answered (bounded ring). No bodies, no Authorization headers: only what a
 * test needs to assert traffic (route, status, tenant, app, fault, timing).
 */
public final class RequestLog {
    public record Entry(Instant time, String method, String path, String query, String route, int status,
                        long durationMicros, String tenantId, String appId, String requestId,
                        String clientRequestId, String fault) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(Entry e) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(e);
    }

    /** Oldest first. */
    public synchronized List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized List<Entry> last(int n) {
        List<Entry> all = new ArrayList<>(entries);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    public synchronized void clear() {
        entries.clear();
    }
}
