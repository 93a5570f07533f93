package io.m365platform.sync.run;

import io.m365platform.contracts.sync.ResourceCounts;
import io.m365platform.contracts.sync.SyncResource;

import java.time.Instant;
import java.util.UUID;

/**
 * One resource of a run as stored in {@code sync.run_step}: status, counters and the checkpoint from which a
 * resumed run continues ({@code nextLink}: the Graph page still to read; {@code cursor}: the parent object reached
 * in nested iterations such as per-team channels; {@code newDeltaLink}: the delta link returned by the round,
 * stored for the connection once the step completed).
 */
public record RunStep(
        UUID runId,
        SyncResource resource,
        int position,
        StepStatus status,
        String method,
        String nextLink,
        String cursor,
        String newDeltaLink,
        long pages,
        long fetched,
        long created,
        long updated,
        long unchanged,
        long deleted,
        String message,
        Instant startedAt,
        Instant finishedAt) {

    public ResourceCounts counts() {
        return new ResourceCounts(resource, fetched, created, updated, unchanged, deleted);
    }
}
