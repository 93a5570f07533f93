package io.m365platform.contracts.sync;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.PlatformEvent;

import java.time.Instant;
import java.util.List;

/**
 * Command: run a sync for a connection. Sync-service answers with a {@link SyncStarted} whose requestId is
 * this one (several requests for a connection that is already syncing are merged into the running run).
 *
 * @param requestId             unique id of the request (idempotency key)
 * @param connectionId          connection to sync
 * @param tenantId              its tenant
 * @param mode                  full or incremental
 * @param resources             resources to sync; empty means all resources the connection may read
 * @param requestedBy           operator subject or service name
 * @param reason                free text shown in the run history
 * @param requestedAt           when
 * @param confirmsHeldSyncRunId the id of a run held by the mass-deletion guard; kept for compatibility, but
 *                              sync-service refuses such a command (dead-lettered): held deletions are confirmed
 *                              by an operator over REST only
 */
public record SyncRequested(String requestId, String connectionId, String tenantId, SyncMode mode,
                            List<SyncResource> resources, String requestedBy, String reason, Instant requestedAt,
                            String confirmsHeldSyncRunId) implements PlatformEvent {

    public SyncRequested {
        Checks.requireText(requestId, "requestId");
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.require(mode, "mode");
        resources = Checks.list(resources);
        Checks.requireText(requestedBy, "requestedBy");
        Checks.require(requestedAt, "requestedAt");
    }

    @Override
    public String kafkaKey() {
        return EventKey.of(connectionId);
    }

    @Override
    public String subject() {
        return EventKey.of(connectionId, requestId);
    }

    @Override
    public Instant eventTime() {
        return requestedAt;
    }
}
