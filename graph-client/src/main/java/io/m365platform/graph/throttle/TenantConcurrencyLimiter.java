package io.m365platform.graph.throttle;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps concurrent Graph requests per tenant within this JVM (Graph's limits are per app and tenant; a
 * tenant with many connections or parallel runs must not fan out unbounded). Share one instance per
 * service.
 */
public final class TenantConcurrencyLimiter {

    private final int permitsPerTenant;
    private final Duration maxWait;
    private final Map<String, Semaphore> semaphores = new ConcurrentHashMap<>();

    /**
     * @param permitsPerTenant concurrent requests allowed per tenant
     * @param maxWait          how long a request may wait for a permit before failing (guards against a
     *                         leaked permit stalling a tenant forever)
     */
    public TenantConcurrencyLimiter(int permitsPerTenant, Duration maxWait) {
        if (permitsPerTenant < 1) {
            throw new IllegalArgumentException("permitsPerTenant must be >= 1");
        }
        this.permitsPerTenant = permitsPerTenant;
        this.maxWait = maxWait;
    }

    public int permitsPerTenant() {
        return permitsPerTenant;
    }

    /** Takes a permit for {@code tenant}; release it exactly once through the returned handle. */
    public Permit acquire(String tenant) throws InterruptedIOException {
        Semaphore s = semaphores.computeIfAbsent(tenant.toLowerCase(Locale.ROOT), t -> new Semaphore(permitsPerTenant, true));
        try {
            if (!s.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new InterruptedIOException("no Graph request slot for tenant " + tenant + " within " + maxWait
                        + " (" + permitsPerTenant + " concurrent requests allowed)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a Graph request slot");
        }
        return new Permit(s);
    }

    /** Requests currently in flight for {@code tenant}. */
    public int inFlight(String tenant) {
        Semaphore s = semaphores.get(tenant.toLowerCase(Locale.ROOT));
        return s == null ? 0 : permitsPerTenant - s.availablePermits();
    }

    /** An acquired slot; {@link #release()} is idempotent. */
    public static final class Permit {
        private final Semaphore semaphore;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        }
    }
}
