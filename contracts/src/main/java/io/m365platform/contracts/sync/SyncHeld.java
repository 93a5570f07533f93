package io.m365platform.contracts.sync;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * The mass-deletion guard held a run: applying it would delete a larger share of a resource than allowed.
 * Nothing was deleted. The run waits until an operator confirms with a {@link SyncRequested} whose
 * {@code confirmsHeldSyncRunId} is this run's id (or a later full run shows the objects are back).
 *
 * @param syncRunId        id of the held run
 * @param connectionId     connection
 * @param tenantId         tenant
 * @param resource         resource whose deletions tripped the guard
 * @param pendingDeletions objects the run would delete
 * @param currentCount     objects of that resource currently known
 * @param deletionShare    pendingDeletions / currentCount (0..1)
 * @param threshold        configured maximum share (0..1)
 * @param heldAt           when
 * @param counts           counters of the run so far
 */
public record SyncHeld(String syncRunId, String connectionId, String tenantId, SyncResource resource,
                       long pendingDeletions, long currentCount, double deletionShare, double threshold,
                       Instant heldAt, List<ResourceCounts> counts) implements SyncRunEvent {

    public SyncHeld {
        Checks.requireText(syncRunId, "syncRunId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.require(resource, "resource");
        Checks.requireNonNegative(pendingDeletions, "pendingDeletions");
        Checks.requireNonNegative(currentCount, "currentCount");
        if (deletionShare < 0 || deletionShare > 1 || threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("deletionShare and threshold must be within 0..1");
        }
        Checks.require(heldAt, "heldAt");
        counts = Checks.list(counts);
    }

    @Override
    public Instant eventTime() {
        return heldAt;
    }
}
