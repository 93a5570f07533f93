package io.m365platform.contracts.sync;

import io.m365platform.contracts.Checks;

import java.time.Instant;
import java.util.List;

/**
 * A sync run started.
 *
 * @param syncRunId    id of the run
 * @param connectionId connection
 * @param tenantId     tenant
 * @param requestId    the SyncRequested that caused it, null for scheduled runs
 * @param trigger      what started it
 * @param mode         full or incremental
 * @param resources    resources this run reads
 * @param startedAt    when
 */
public record SyncStarted(String syncRunId, String connectionId, String tenantId, String requestId,
                          SyncTrigger trigger, SyncMode mode, List<SyncResource> resources, Instant startedAt)
        implements SyncRunEvent {

    public SyncStarted {
        Checks.requireText(syncRunId, "syncRunId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.require(trigger, "trigger");
        Checks.require(mode, "mode");
        resources = Checks.list(resources);
        Checks.require(startedAt, "startedAt");
    }

    @Override
    public Instant eventTime() {
        return startedAt;
    }
}
