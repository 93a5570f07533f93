package io.m365platform.graph.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.aad.msal4j.MsalClientException;
import com.microsoft.aad.msal4j.MsalErrors;
import io.m365platform.graph.retry.Backoff;
import io.m365platform.graph.testsupport.RecordingSleeper;
import io.m365platform.graph.token.failure.PermanentTokenException;
import io.m365platform.graph.token.failure.TokenFailureCategory;
import io.m365platform.graph.token.failure.TokenFailureClassifier;
import io.m365platform.graph.token.failure.TransientTokenException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCallTest {

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final TokenCall call = new TokenCall(new TokenRetryPolicy(4,
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(2), () -> 0.0), Duration.ofSeconds(10), sleeper),
            new TokenFailureClassifier());

    @Test
    void retriesTransientThenSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = call.run("ctx", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new CompletionException(new MsalClientException(new SocketTimeoutException("Read timed out")));
            }
            return "token";
        });
        assertEquals("token", result);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeper.waits);
    }

    @Test
    void honoursRetryAfterCappedByMaxWait() {
        AtomicInteger attempts = new AtomicInteger();
        call.run("ctx", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw MsalErrors.fromResponse(429, Map.of("Retry-After", List.of("60")),
                        MsalErrors.aadBody("temporarily_unavailable", 50196, "slow down"));
            }
            return "ok";
        });
        assertEquals(List.of(Duration.ofSeconds(10)), sleeper.waits);
    }

    @Test
    void givesUpAfterMaxAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        TransientTokenException e = assertThrows(TransientTokenException.class, () -> call.run("ctx", () -> {
            attempts.incrementAndGet();
            throw MsalErrors.fromResponse(503, Map.of(), MsalErrors.aadBody("server_error", 90033, "transient"));
        }));
        assertEquals(4, attempts.get());
        assertEquals(3, sleeper.waits.size());
        assertEquals(TokenFailureCategory.TRANSIENT, e.category());
    }

    @Test
    void permanentFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        PermanentTokenException e = assertThrows(PermanentTokenException.class, () -> call.run("client x", () -> {
            attempts.incrementAndGet();
            throw new CompletionException(MsalErrors.fromResponse(401, Map.of(),
                    MsalErrors.aadBody("invalid_client", 7000222, "The provided client secret keys are expired.")));
        }));
        assertEquals(1, attempts.get());
        assertTrue(sleeper.waits.isEmpty());
        assertEquals(TokenFailureCategory.EXPIRED_SECRET, e.category());
    }
}
