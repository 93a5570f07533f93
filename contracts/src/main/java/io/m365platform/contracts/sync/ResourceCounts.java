package io.m365platform.contracts.sync;

import io.m365platform.contracts.Checks;

/**
 * Counters of one resource within a sync run.
 *
 * @param resource  the resource
 * @param fetched   objects read from Graph
 * @param created   objects seen for the first time (a synced event was published)
 * @param updated   objects whose state changed (a synced event was published)
 * @param unchanged objects whose state is unchanged (no event)
 * @param deleted   objects found deleted (deleted event + tombstone published)
 */
public record ResourceCounts(SyncResource resource, long fetched, long created, long updated, long unchanged,
                             long deleted) {

    public ResourceCounts {
        Checks.require(resource, "resource");
        Checks.requireNonNegative(fetched, "fetched");
        Checks.requireNonNegative(created, "created");
        Checks.requireNonNegative(updated, "updated");
        Checks.requireNonNegative(unchanged, "unchanged");
        Checks.requireNonNegative(deleted, "deleted");
    }
}
