package io.m365platform.graphsim.reports;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pre-authenticated, short-lived download links of the report CSVs (what reports.office.com hands out): an
 * unguessable token, valid for {@link #ttl()} by the simulator clock; the CSV is rendered when fetched.
 */
final class ReportDownloads {
    /** Outcome of looking a token up. */
    enum Status { OK, EXPIRED, UNKNOWN }

    record Lookup(Status status, Supplier<byte[]> content) {
    }

    private record Entry(Instant expiresAt, Supplier<byte[]> content) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Expired tokens are remembered a while so their use answers 410 rather than 404. */
    private final Map<String, Instant> expired = new ConcurrentHashMap<>();
    private volatile Duration ttl = Duration.ofMinutes(5);

    Duration ttl() {
        return ttl;
    }

    void ttl(Duration d) {
        this.ttl = d;
    }

    String register(Supplier<byte[]> content, Instant now) {
        purge(now);
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        entries.put(token, new Entry(now.plus(ttl), content));
        return token;
    }

    Lookup find(String token, Instant now) {
        Entry e = entries.get(token);
        if (e == null) {
            return new Lookup(expired.containsKey(token) ? Status.EXPIRED : Status.UNKNOWN, null);
        }
        if (!now.isBefore(e.expiresAt())) {
            entries.remove(token);
            expired.put(token, e.expiresAt());
            return new Lookup(Status.EXPIRED, null);
        }
        return new Lookup(Status.OK, e.content());
    }

    private void purge(Instant now) {
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> e = it.next();
            if (!now.isBefore(e.getValue().expiresAt())) {
                it.remove();
                expired.put(e.getKey(), e.getValue().expiresAt());
            }
        }
        expired.values().removeIf(at -> at.plus(Duration.ofHours(1)).isBefore(now));
    }
}
