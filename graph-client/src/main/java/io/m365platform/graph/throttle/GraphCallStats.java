package io.m365platform.graph.throttle;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of Graph traffic, for metrics and run statistics. Every HTTP attempt counts, including
 * the SDK RetryHandler's hidden retries. Take a {@link #snapshot()} at the start of a run and subtract.
 */
public final class GraphCallStats {

    private final LongAdder requests = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder unavailable = new LongAdder();
    private final LongAdder networkErrors = new LongAdder();
    private final LongAdder sdkRetries = new LongAdder();
    private final LongAdder policyRetries = new LongAdder();
    private final LongAdder retryWaitMillis = new LongAdder();
    private final LongAdder exhausted = new LongAdder();
    private final GraphCallStats parent;

    public GraphCallStats() {
        this(null);
    }

    /** Counters that also count into {@code parent} (e.g. per-run stats feeding service-wide stats). */
    public GraphCallStats(GraphCallStats parent) {
        this.parent = parent;
    }

    /** One HTTP attempt went out. */
    public void recordRequest(boolean isSdkRetry) {
        requests.increment();
        if (isSdkRetry) {
            sdkRetries.increment();
        }
        if (parent != null) {
            parent.recordRequest(isSdkRetry);
        }
    }

    /** An answer's status, for 429/503/504 accounting. */
    public void recordStatus(int status) {
        if (status == 429) {
            throttled.increment();
        } else if (status == 503 || status == 504) {
            unavailable.increment();
        }
        if (parent != null) {
            parent.recordStatus(status);
        }
    }

    public void recordNetworkError() {
        networkErrors.increment();
        if (parent != null) {
            parent.recordNetworkError();
        }
    }

    /** The throttle policy waited and retried a whole call. */
    public void recordPolicyRetry(Duration waited) {
        policyRetries.increment();
        retryWaitMillis.add(waited.toMillis());
        if (parent != null) {
            parent.recordPolicyRetry(waited);
        }
    }

    public void recordExhausted() {
        exhausted.increment();
        if (parent != null) {
            parent.recordExhausted();
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(requests.sum(), throttled.sum(), unavailable.sum(), networkErrors.sum(), sdkRetries.sum(),
                policyRetries.sum(), Duration.ofMillis(retryWaitMillis.sum()), exhausted.sum());
    }

    /**
     * @param requests       HTTP attempts sent
     * @param throttled      429 answers
     * @param unavailable    503/504 answers
     * @param networkErrors  attempts without an answer
     * @param sdkRetries     attempts that were the SDK RetryHandler's retries
     * @param policyRetries  calls retried by the {@link ThrottlePolicy}
     * @param retryWait      time the policy spent waiting (the SDK's own sleeps are not included)
     * @param exhausted      calls that gave up with "throttled, resume later"
     */
    public record Snapshot(long requests, long throttled, long unavailable, long networkErrors, long sdkRetries,
                           long policyRetries, Duration retryWait, long exhausted) {

        /** This minus an earlier snapshot: the traffic of one run. */
        public Snapshot minus(Snapshot earlier) {
            return new Snapshot(requests - earlier.requests, throttled - earlier.throttled,
                    unavailable - earlier.unavailable, networkErrors - earlier.networkErrors,
                    sdkRetries - earlier.sdkRetries, policyRetries - earlier.policyRetries,
                    retryWait.minus(earlier.retryWait), exhausted - earlier.exhausted);
        }
    }
}
