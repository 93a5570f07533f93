package io.m365platform.graphsim.faults;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One injected fault: what happens (an error status with optional Retry-After, a dropped connection, or added
 * latency), to which requests (method, path glob with {@code *}, tenant), and when (probability, skip the first N
 * matching requests, fire at most N times). Immutable configuration plus two counters.
 *
 * <pre>
 *   FaultRule.status(429).retryAfter(1).path("/v1.0/users*").times(2)   // the next two user reads are throttled
 *   FaultRule.latency(Duration.ofMillis(300)).path("/v1.0/*")            // every Graph call is slow
 *   FaultRule.connectionReset().path("/v1.0/groups*").probability(0.1)
 * </pre>
 */
public final class FaultRule {
    public enum Kind { STATUS, CONNECTION_RESET, LATENCY }

    private final String id;
    private final Kind kind;
    private final int status;
    private final Integer retryAfterSeconds;
    private final String code;
    private final String message;
    private final Duration latency;
    private final String method;
    private final String pathGlob;
    private final Pattern pathPattern;
    private final String tenantId;
    private final double probability;
    private final int skipFirst;
    private final Integer times;
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger fired = new AtomicInteger();

    private FaultRule(String id, Kind kind, int status, Integer retryAfterSeconds, String code, String message, Duration latency,
                      String method, String pathGlob, String tenantId, double probability, int skipFirst, Integer times) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be within 0..1");
        }
        if (kind == Kind.STATUS && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("fault status must be 4xx or 5xx, not " + status);
        }
        if (times != null && times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        if (skipFirst < 0) {
            throw new IllegalArgumentException("skipFirst must not be negative");
        }
        this.id = id == null ? UUID.randomUUID().toString() : id;
        this.kind = kind;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.code = code;
        this.message = message;
        this.latency = latency;
        this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        this.pathGlob = pathGlob == null ? "*" : pathGlob;
        this.pathPattern = Pattern.compile(globToRegex(this.pathGlob), Pattern.CASE_INSENSITIVE);
        this.tenantId = tenantId == null ? null : tenantId.toLowerCase(Locale.ROOT);
        this.probability = probability;
        this.skipFirst = skipFirst;
        this.times = times;
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!sb.isEmpty()) {
                sb.append(".*");
            }
            sb.append(Pattern.quote(part));
        }
        return sb.toString();
    }

    public static FaultRule status(int status) {
        return new FaultRule(null, Kind.STATUS, status, null, null, null, null, null, null, null, 1.0, 0, null);
    }

    /** 429 TooManyRequests with Retry-After. */
    public static FaultRule throttle(int retryAfterSeconds) {
        return status(429).retryAfter(retryAfterSeconds);
    }

    public static FaultRule connectionReset() {
        return new FaultRule(null, Kind.CONNECTION_RESET, 0, null, null, null, null, null, null, null, 1.0, 0, null);
    }

    public static FaultRule latency(Duration latency) {
        return new FaultRule(null, Kind.LATENCY, 0, null, null, null, latency, null, null, null, 1.0, 0, null);
    }

    private FaultRule copy(String id, Integer retryAfter, String code, String message, String method, String path,
                           String tenant, double probability, int skipFirst, Integer times) {
        return new FaultRule(id, kind, status, retryAfter, code, message, latency, method, path, tenant, probability, skipFirst, times);
    }

    public FaultRule id(String newId) {
        return copy(newId, retryAfterSeconds, code, message, method, pathGlob, tenantId, probability, skipFirst, times);
    }

    public FaultRule retryAfter(Integer seconds) {
        return copy(id, seconds, code, message, method, pathGlob, tenantId, probability, skipFirst, times);
    }

    /** Error code/message in the body (defaults per status: TooManyRequests, serviceNotAvailable, …). */
    public FaultRule error(String newCode, String newMessage) {
        return copy(id, retryAfterSeconds, newCode, newMessage, method, pathGlob, tenantId, probability, skipFirst, times);
    }

    public FaultRule method(String m) {
        return copy(id, retryAfterSeconds, code, message, m, pathGlob, tenantId, probability, skipFirst, times);
    }

    /** Path glob matched against the request path (no query), e.g. {@code /v1.0/users*}; {@code *} = anything. */
    public FaultRule path(String glob) {
        return copy(id, retryAfterSeconds, code, message, method, glob, tenantId, probability, skipFirst, times);
    }

    public FaultRule tenant(String tenant) {
        return copy(id, retryAfterSeconds, code, message, method, pathGlob, tenant, probability, skipFirst, times);
    }

    public FaultRule probability(double p) {
        return copy(id, retryAfterSeconds, code, message, method, pathGlob, tenantId, p, skipFirst, times);
    }

    /** Let the first {@code n} matching requests through, then start firing. */
    public FaultRule skipFirst(int n) {
        return copy(id, retryAfterSeconds, code, message, method, pathGlob, tenantId, probability, n, times);
    }

    /** Fire at most {@code n} times ("the next n requests"). */
    public FaultRule times(int n) {
        return copy(id, retryAfterSeconds, code, message, method, pathGlob, tenantId, probability, skipFirst, n);
    }

    boolean matches(String requestMethod, String path, String requestTenantId) {
        return (method == null || method.equals(requestMethod))
                && (tenantId == null || tenantId.equals(requestTenantId))
                && pathPattern.matcher(path).matches();
    }

    /** Counts a matching request and decides whether this rule fires for it. */
    boolean fire(java.util.function.DoubleSupplier random) {
        int n = seen.incrementAndGet();
        if (n <= skipFirst) {
            return false;
        }
        if (probability < 1.0 && random.getAsDouble() >= probability) {
            return false;
        }
        if (times == null) {
            fired.incrementAndGet();
            return true;
        }
        while (true) {
            int f = fired.get();
            if (f >= times) {
                return false;
            }
            if (fired.compareAndSet(f, f + 1)) {
                return true;
            }
        }
    }

    public boolean exhausted() {
        return times != null && fired.get() >= times;
    }

    public String id() { return id; }
    public Kind kind() { return kind; }
    public int statusCode() { return status; }
    public Integer retryAfterSeconds() { return retryAfterSeconds; }
    public String code() { return code; }
    public String message() { return message; }
    public Duration latencyDuration() { return latency; }
    public String methodFilter() { return method; }
    public String pathGlob() { return pathGlob; }
    public String tenantFilter() { return tenantId; }
    public double probabilityValue() { return probability; }
    public int skipFirstCount() { return skipFirst; }
    public Integer timesLimit() { return times; }
    public int firedCount() { return fired.get(); }
    public int seenCount() { return seen.get(); }
}
