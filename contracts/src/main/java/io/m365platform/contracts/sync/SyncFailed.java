package io.m365platform.contracts.sync;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * A sync run stopped without completing. Entity events already published stay valid; the next run continues
 * from the last committed checkpoint.
 *
 * @param syncRunId    id of the run
 * @param connectionId connection
 * @param tenantId     tenant
 * @param mode         full or incremental
 * @param startedAt    when the run started
 * @param failedAt     when it stopped
 * @param errorCode    machine-readable cause, e.g. {@code throttled}, {@code permission-missing},
 *                     {@code credentials-invalid}, {@code graph-error}, {@code internal}
 * @param reason       human-readable explanation (never contains a secret)
 * @param retryable    true when running again later can succeed without an operator
 * @param resumeAt     when sync-service will retry by itself, null if it will not
 * @param counts       counters reached before the failure
 */
public record SyncFailed(String syncRunId, String connectionId, String tenantId, SyncMode mode, Instant startedAt,
                         Instant failedAt, String errorCode, String reason, boolean retryable, Instant resumeAt,
                         List<ResourceCounts> counts) implements SyncRunEvent {

    public SyncFailed {
        Checks.requireText(syncRunId, "syncRunId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.require(mode, "mode");
        Checks.require(startedAt, "startedAt");
        Checks.require(failedAt, "failedAt");
        Checks.requireText(errorCode, "errorCode");
        Checks.requireText(reason, "reason");
        counts = Checks.list(counts);
    }

    @Override
    public Instant eventTime() {
        return failedAt;
    }
}
