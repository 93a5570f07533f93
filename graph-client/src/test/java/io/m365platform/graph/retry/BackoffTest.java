package io.m365platform.graph.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void exponentialWithinHalfToFullCeilingCapped() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.999999);
        assertEquals(Duration.ofMillis(500), low.delay(1));
        assertEquals(Duration.ofMillis(999), high.delay(1));
        assertEquals(Duration.ofMillis(1000), low.delay(2));
        assertEquals(Duration.ofMillis(2000), low.delay(3));
        assertEquals(Duration.ofMillis(5000), low.delay(8));     // capped at 10 s ceiling
        assertTrue(high.delay(40).compareTo(Duration.ofSeconds(10)) <= 0);
        assertThrows(IllegalArgumentException.class, () -> low.delay(0));
    }

    @Test
    void retryAfterWinsWithSmallJitterAndCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.5);
        Duration d = b.delay(1, Duration.ofSeconds(20), Duration.ofMinutes(1));
        assertTrue(d.compareTo(Duration.ofSeconds(20)) >= 0 && d.compareTo(Duration.ofSeconds(21)) <= 0, d.toString());
        assertEquals(Duration.ofSeconds(30), b.delay(1, Duration.ofSeconds(300), Duration.ofSeconds(30)));
        assertEquals(b.delay(2), b.delay(2, null, Duration.ofMinutes(1)));
        assertEquals(b.delay(2), b.delay(2, Duration.ZERO, Duration.ofMinutes(1)));
    }

    @Test
    void retryAfterHeaderForms() {
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC);
        assertEquals(Duration.ofSeconds(5), RetryAfter.parse("5", clock).orElseThrow());
        assertEquals(Duration.ofMillis(1500), RetryAfter.parse("1.5", clock).orElseThrow());
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Wed, 01 Jan 2025 10:00:30 GMT", clock).orElseThrow());
        assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 01 Jan 2025 09:00:00 GMT", clock).orElseThrow());
        assertTrue(RetryAfter.parse("soon", clock).isEmpty());
        assertTrue(RetryAfter.parse(null, clock).isEmpty());
    }
}
