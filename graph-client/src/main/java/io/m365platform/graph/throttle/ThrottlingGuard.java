package io.m365platform.graph.throttle;

import io.m365platform.graph.error.GraphNetworkException;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.error.GraphThrottledException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Applies a {@link ThrottlePolicy} to one Graph call: retries after 429/503/504 answers (honouring
 * Retry-After) and, for idempotent calls, after network failures; counts into {@link GraphCallStats};
 * gives up with {@link GraphThrottledException} when the attempts or the wait budget run out. Other
 * errors (400, 403, 404...) pass through untouched.
 */
public final class ThrottlingGuard {

    private final ThrottlePolicy policy;
    private final GraphCallStats stats;

    public ThrottlingGuard(ThrottlePolicy policy, GraphCallStats stats) {
        this.policy = policy;
        this.stats = stats;
    }

    public ThrottlePolicy policy() {
        return policy;
    }

    /**
     * @param what       e.g. "GET /v1.0/users", for the exhaustion message
     * @param idempotent whether a call that may have reached Graph can be sent again (GET, DELETE, PATCH, PUT)
     * @param call       throws {@link GraphRequestException} / {@link GraphNetworkException} on failure
     */
    public <T> T call(String what, boolean idempotent, Supplier<T> call) {
        Duration waited = Duration.ZERO;
        int attempt = 1;
        while (true) {
            GraphThrottledException.Reason reason;
            Duration retryAfter;
            RuntimeException failure;
            try {
                return call.get();
            } catch (GraphRequestException e) {
                if (!e.isThrottlingOrUnavailable()) {
                    throw e;
                }
                reason = e.status() == 429 ? GraphThrottledException.Reason.THROTTLED : GraphThrottledException.Reason.UNAVAILABLE;
                retryAfter = e.retryAfter().orElse(null);
                failure = e;
            } catch (GraphNetworkException e) {
                if (!idempotent) {
                    throw e;
                }
                reason = GraphThrottledException.Reason.NETWORK;
                retryAfter = null;
                failure = e;
            }
            Duration wait = policy.backoff().delay(attempt, retryAfter, policy.maxSingleWait());
            boolean retryAfterTooLong = retryAfter != null && retryAfter.compareTo(policy.maxSingleWait()) > 0;
            if (attempt >= policy.maxAttempts() || retryAfterTooLong
                    || waited.plus(wait).compareTo(policy.maxTotalWait()) > 0) {
                stats.recordExhausted();
                Duration resumeAfter = retryAfter != null ? retryAfter : wait;
                throw new GraphThrottledException(what, reason, attempt, waited, resumeAfter, failure);
            }
            try {
                policy.sleeper().sleep(wait);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw failure;
            }
            stats.recordPolicyRetry(wait);
            waited = waited.plus(wait);
            attempt++;
        }
    }
}
