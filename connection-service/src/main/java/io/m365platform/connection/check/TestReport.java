package io.m365platform.connection.check;

import io.m365platform.connection.capability.ProbeOutcome;
import io.m365platform.connection.domain.SecretExpiry;
import io.m365platform.graph.token.failure.PermanentTokenException;
import io.m365platform.graph.token.failure.TransientTokenException;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one connection test found, before it is applied to the stored connection. */
public sealed interface TestReport {

    Instant at();

    /**
     * A token was issued.
     *
     * @param tenantId     the tenant GUID from the token
     * @param granted      its permissions
     * @param probes       probe outcomes of this test (empty when probes were not due)
     * @param probeProblem what went wrong in a probe, if anything
     * @param secretExpiry what Graph says about the secret's expiry; empty when it could not be asked
     */
    record Succeeded(Instant at, String tenantId, Set<String> granted, Map<String, ProbeOutcome> probes,
                     Optional<String> probeProblem, Optional<SecretExpiry> secretExpiry) implements TestReport {
        public Succeeded {
            granted = Set.copyOf(granted);
            probes = Map.copyOf(probes);
        }
    }

    /** The identity platform refused: someone must fix credentials, consent or the tenant. */
    record Refused(Instant at, PermanentTokenException failure) implements TestReport {
    }

    /** The identity platform could not be reached or failed temporarily (after retries). */
    record Unanswered(Instant at, TransientTokenException failure) implements TestReport {
    }
}
