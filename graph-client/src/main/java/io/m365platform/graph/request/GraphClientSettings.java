package io.m365platform.graph.request;

import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import io.m365platform.graph.throttle.ThrottlePolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of Graph access.
 *
 * @param sdkMaxRetries        the SDK RetryHandler's retries of 429/503/504 per HTTP call (0..10, SDK default 3)
 * @param sdkRetryDelaySeconds its base delay when no Retry-After is sent (0..180, SDK default 3)
 * @param throttlePolicy       retries beyond the SDK's, ending in "throttled, resume later"
 * @param perTenantConcurrency concurrent requests per tenant in this JVM
 * @param permitWait           how long a request may wait for a tenant slot
 */
public record GraphClientSettings(int sdkMaxRetries, long sdkRetryDelaySeconds, ThrottlePolicy throttlePolicy,
                                  int perTenantConcurrency, Duration permitWait) {

    public GraphClientSettings {
        if (sdkMaxRetries < 0 || sdkMaxRetries > RetryHandlerOption.MAX_RETRIES) {
            throw new IllegalArgumentException("sdkMaxRetries must be 0.." + RetryHandlerOption.MAX_RETRIES);
        }
        if (sdkRetryDelaySeconds < 0 || sdkRetryDelaySeconds > RetryHandlerOption.MAX_DELAY) {
            throw new IllegalArgumentException("sdkRetryDelaySeconds must be 0.." + RetryHandlerOption.MAX_DELAY);
        }
        Objects.requireNonNull(throttlePolicy, "throttlePolicy");
        if (perTenantConcurrency < 1) {
            throw new IllegalArgumentException("perTenantConcurrency must be >= 1");
        }
        Objects.requireNonNull(permitWait, "permitWait");
    }

    /** SDK defaults (3 retries, 3 s), the default throttle policy, 4 concurrent requests per tenant. */
    public static GraphClientSettings defaults() {
        return new GraphClientSettings(RetryHandlerOption.DEFAULT_MAX_RETRIES, RetryHandlerOption.DEFAULT_DELAY,
                ThrottlePolicy.defaults(), 4, Duration.ofMinutes(5));
    }

    public GraphClientSettings withThrottlePolicy(ThrottlePolicy policy) {
        return new GraphClientSettings(sdkMaxRetries, sdkRetryDelaySeconds, policy, perTenantConcurrency, permitWait);
    }

    public GraphClientSettings withSdkRetries(int maxRetries, long delaySeconds) {
        return new GraphClientSettings(maxRetries, delaySeconds, throttlePolicy, perTenantConcurrency, permitWait);
    }

    public GraphClientSettings withPerTenantConcurrency(int permits) {
        return new GraphClientSettings(sdkMaxRetries, sdkRetryDelaySeconds, throttlePolicy, permits, permitWait);
    }

    RetryHandlerOption retryHandlerOption() {
        return new RetryHandlerOption(null, sdkMaxRetries, sdkRetryDelaySeconds);
    }
}
