package io.m365platform.graph.token;

import io.m365platform.graph.token.failure.TokenException;
import io.m365platform.graph.token.failure.TokenFailureClassifier;
import io.m365platform.graph.token.failure.TransientTokenException;
import java.time.Duration;
import java.util.function.Supplier;

/** Runs one msal4j call with classification of failures and bounded retries of transient ones. */
public final class TokenCall {

    private final TokenRetryPolicy policy;
    private final TokenFailureClassifier classifier;

    public TokenCall(TokenRetryPolicy policy, TokenFailureClassifier classifier) {
        this.policy = policy;
        this.classifier = classifier;
    }

    /**
     * @param context who is asking (client id and tenant; no secret), used in failure messages
     * @throws TokenException classified; transient ones only after the retries are used up
     */
    public <T> T run(String context, Supplier<T> call) {
        int attempt = 1;
        while (true) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                TokenException classified = classifier.classify(e, context);
                if (!(classified instanceof TransientTokenException) || attempt >= policy.maxAttempts()) {
                    throw classified;
                }
                Duration wait = policy.backoff().delay(attempt, classified.retryAfter().orElse(null), policy.maxWait());
                try {
                    policy.sleeper().sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw classified;
                }
                attempt++;
            }
        }
    }
}
