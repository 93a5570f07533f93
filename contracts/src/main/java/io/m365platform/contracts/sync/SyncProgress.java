package io.m365platform.contracts.sync;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * Periodic progress of a running sync (counters so far, per resource).
 *
 * @param syncRunId       id of the run
 * @param connectionId    connection
 * @param tenantId        tenant
 * @param currentResource resource being read now, null between resources
 * @param counts          counters so far, one entry per resource started
 * @param graphRequests   Graph requests made so far
 * @param reportedAt      when
 */
public record SyncProgress(String syncRunId, String connectionId, String tenantId, SyncResource currentResource,
                           List<ResourceCounts> counts, long graphRequests, Instant reportedAt)
        implements SyncRunEvent {

    public SyncProgress {
        Checks.requireText(syncRunId, "syncRunId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        counts = Checks.list(counts);
        Checks.requireNonNegative(graphRequests, "graphRequests");
        Checks.require(reportedAt, "reportedAt");
    }

    @Override
    public Instant eventTime() {
        return reportedAt;
    }
}
