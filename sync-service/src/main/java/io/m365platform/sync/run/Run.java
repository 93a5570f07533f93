package io.m365platform.sync.run;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.sync.SyncTrigger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A run as stored in {@code sync.run}. */
public record Run(
        UUID runId,
        String connectionId,
        String tenantId,
        RunMode mode,
        SyncTrigger trigger,
        String requestId,
        String requestedBy,
        String reason,
        List<SyncResource> resources,
        RunStatus status,
        String errorCode,
        String statusReason,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        String leaseOwner,
        Instant leaseExpiresAt,
        Instant resumeAfter,
        int attempts,
        long graphRequests,
        long throttledResponses,
        long pages,
        SyncResource heldResource,
        String deletionsConfirmedBy,
        Instant deletionsConfirmedAt) {

    public Run {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** An operator confirmed the deletions of {@code resource} that held this run. */
    public boolean deletionsConfirmed(SyncResource resource) {
        return deletionsConfirmedAt != null && resource == heldResource;
    }

    /** Wall-clock time from start to end (or to now while unfinished); zero before the start. */
    public Duration duration(Instant now) {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, finishedAt != null ? finishedAt : now);
    }
}
