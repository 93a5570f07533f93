package io.m365platform.graph.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CachedTokenSupplierTest {

    private Instant now = Instant.parse("2025-01-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void reusesUntilMarginBeforeExpiry() {
        AtomicInteger calls = new AtomicInteger();
        CachedTokenSupplier s = new CachedTokenSupplier(() -> new AccessToken("t" + calls.incrementAndGet(),
                now.plus(Duration.ofMinutes(60)), Set.of(), "tid", TokenKind.APP, false), Duration.ofMinutes(5), clock);
        AccessToken first = s.get();
        now = now.plus(Duration.ofMinutes(54));
        assertSame(first, s.get());
        now = now.plus(Duration.ofMinutes(1));   // 5 minutes left: refresh
        assertEquals("t2", s.get().token());
        s.invalidate();
        assertEquals("t3", s.get().token());
        assertEquals(3, calls.get());
    }
}
