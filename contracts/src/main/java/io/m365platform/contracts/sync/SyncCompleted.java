package io.m365platform.contracts.sync;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * A sync run finished; every entity event of the run was published before this event.
 *
 * @param syncRunId          id of the run
 * @param connectionId       connection
 * @param tenantId           tenant
 * @param mode               full or incremental
 * @param startedAt          when the run started
 * @param completedAt        when it finished
 * @param durationMs         wall-clock duration in milliseconds (pauses included)
 * @param counts             final counters per resource
 * @param graphRequests      Graph requests made (retries included)
 * @param throttledResponses 429/503 responses received
 */
public record SyncCompleted(String syncRunId, String connectionId, String tenantId, SyncMode mode,
                            Instant startedAt, Instant completedAt, long durationMs, List<ResourceCounts> counts,
                            long graphRequests, long throttledResponses) implements SyncRunEvent {

    public SyncCompleted {
        Checks.requireText(syncRunId, "syncRunId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.require(mode, "mode");
        Checks.require(startedAt, "startedAt");
        Checks.require(completedAt, "completedAt");
        Checks.requireNonNegative(durationMs, "durationMs");
        counts = Checks.list(counts);
        Checks.requireNonNegative(graphRequests, "graphRequests");
        Checks.requireNonNegative(throttledResponses, "throttledResponses");
    }

    @Override
    public Instant eventTime() {
        return completedAt;
    }
}
