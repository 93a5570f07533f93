package io.m365platform.graph.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365platform.graph.error.GraphNetworkException;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.error.GraphThrottledException;
import io.m365platform.graph.retry.Backoff;
import io.m365platform.graph.testsupport.RecordingSleeper;
import java.io.IOException;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThrottlingGuardTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final GraphCallStats stats = new GraphCallStats();

    private ThrottlingGuard guard(int attempts, Duration maxSingle, Duration maxTotal) {
        ThrottlePolicy policy = new ThrottlePolicy(attempts, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0),
                maxSingle, maxTotal, sleeper, Clock.systemUTC());
        return new ThrottlingGuard(policy, stats);
    }

    private static GraphRequestException status(int status, Duration retryAfter) {
        return new GraphRequestException("GET", "/v1.0/users", status, status == 429 ? "TooManyRequests" : "serviceNotAvailable",
                "slow down", "req-1", null, retryAfter, null);
    }

    @Test
    void waitsRetryAfterThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = guard(5, Duration.ofMinutes(2), Duration.ofMinutes(5)).call("GET /users", true, () -> {
            if (calls.incrementAndGet() <= 2) {
                throw status(429, Duration.ofSeconds(7));
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(3, calls.get());
        assertEquals(2, sleeper.waits.size());
        sleeper.waits.forEach(w -> assertTrue(w.compareTo(Duration.ofSeconds(7)) >= 0 && w.compareTo(Duration.ofSeconds(8)) <= 0, w.toString()));
        GraphCallStats.Snapshot s = stats.snapshot();
        assertEquals(2, s.policyRetries());
        assertEquals(sleeper.total(), s.retryWait());
    }

    @Test
    void backoffWhenNoRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        guard(5, Duration.ofMinutes(2), Duration.ofMinutes(5)).call("GET /users", true, () -> {
            if (calls.incrementAndGet() <= 3) {
                throw status(503, null);
            }
            return 1;
        });
        assertEquals(Duration.ofMillis(500), sleeper.waits.get(0));
        assertEquals(Duration.ofMillis(1000), sleeper.waits.get(1));
        assertEquals(Duration.ofMillis(2000), sleeper.waits.get(2));
    }

    @Test
    void exhaustedAttemptsAskToResumeLater() {
        AtomicInteger calls = new AtomicInteger();
        GraphThrottledException e = assertThrows(GraphThrottledException.class,
                () -> guard(3, Duration.ofMinutes(2), Duration.ofMinutes(5)).call("GET /users", true, () -> {
                    calls.incrementAndGet();
                    throw status(429, Duration.ofSeconds(10));
                }));
        assertEquals(3, calls.get());
        assertEquals(3, e.attempts());
        assertEquals(GraphThrottledException.Reason.THROTTLED, e.reason());
        assertEquals(Duration.ofSeconds(10), e.resumeAfter());
        assertTrue(e.getMessage().contains("resume later"), e.getMessage());
        assertEquals(1, stats.snapshot().exhausted());
    }

    @Test
    void retryAfterBeyondSingleWaitCapPausesImmediately() {
        AtomicInteger calls = new AtomicInteger();
        GraphThrottledException e = assertThrows(GraphThrottledException.class,
                () -> guard(5, Duration.ofSeconds(60), Duration.ofMinutes(5)).call("GET /users", true, () -> {
                    calls.incrementAndGet();
                    throw status(429, Duration.ofMinutes(10));
                }));
        assertEquals(1, calls.get());
        assertTrue(sleeper.waits.isEmpty());
        assertEquals(Duration.ofMinutes(10), e.resumeAfter());
    }

    @Test
    void totalWaitBudgetBounds() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(GraphThrottledException.class,
                () -> guard(50, Duration.ofSeconds(60), Duration.ofSeconds(25)).call("GET /users", true, () -> {
                    calls.incrementAndGet();
                    throw status(504, Duration.ofSeconds(10));
                }));
        assertTrue(sleeper.total().compareTo(Duration.ofSeconds(25)) <= 0, sleeper.total().toString());
        assertEquals(3, calls.get());
    }

    @Test
    void otherErrorsPassThroughUntouched() {
        GraphRequestException forbidden = status(403, null);
        GraphRequestException thrown = assertThrows(GraphRequestException.class,
                () -> guard(5, Duration.ofMinutes(1), Duration.ofMinutes(5)).call("GET /users", true, () -> {
                    throw forbidden;
                }));
        assertSame(forbidden, thrown);
        assertTrue(sleeper.waits.isEmpty());
    }

    @Test
    void networkErrorsRetriedOnlyWhenIdempotent() {
        AtomicInteger calls = new AtomicInteger();
        GraphNetworkException reset = new GraphNetworkException("POST", "/v1.0/users", new SocketException("Connection reset"));
        assertThrows(GraphNetworkException.class, () -> guard(5, Duration.ofMinutes(1), Duration.ofMinutes(5))
                .call("POST /users", false, () -> {
                    calls.incrementAndGet();
                    throw reset;
                }));
        assertEquals(1, calls.get());

        AtomicInteger gets = new AtomicInteger();
        assertEquals("ok", guard(5, Duration.ofMinutes(1), Duration.ofMinutes(5)).call("GET /users", true, () -> {
            if (gets.incrementAndGet() == 1) {
                throw new GraphNetworkException("GET", "/v1.0/users", new IOException("unexpected end of stream"));
            }
            return "ok";
        }));
    }

    @Test
    void statsSnapshotDifference() {
        GraphCallStats s = new GraphCallStats();
        s.recordRequest(false);
        GraphCallStats.Snapshot before = s.snapshot();
        s.recordRequest(true);
        s.recordStatus(429);
        s.recordStatus(503);
        s.recordStatus(200);
        s.recordPolicyRetry(Duration.ofSeconds(2));
        GraphCallStats.Snapshot run = s.snapshot().minus(before);
        assertEquals(1, run.requests());
        assertEquals(1, run.sdkRetries());
        assertEquals(1, run.throttled());
        assertEquals(1, run.unavailable());
        assertEquals(Duration.ofSeconds(2), run.retryWait());
    }

    @Test
    void tenantLimiterCapsAndTimesOut() throws Exception {
        TenantConcurrencyLimiter limiter = new TenantConcurrencyLimiter(2, Duration.ofMillis(50));
        TenantConcurrencyLimiter.Permit a = limiter.acquire("T1");
        TenantConcurrencyLimiter.Permit b = limiter.acquire("t1");
        assertEquals(2, limiter.inFlight("t1"));
        assertThrows(java.io.InterruptedIOException.class, () -> limiter.acquire("t1"));
        limiter.acquire("t2").release();           // other tenants are independent
        a.release();
        a.release();                               // idempotent
        assertEquals(1, limiter.inFlight("t1"));
        limiter.acquire("t1").release();
        b.release();
        assertEquals(0, limiter.inFlight("t1"));
    }
}
