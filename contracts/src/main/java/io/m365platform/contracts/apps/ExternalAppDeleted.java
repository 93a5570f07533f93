package io.m365platform.contracts.apps;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A third-party app was removed from the tenant or holds no consent any more. Followed by a tombstone for the same key
 * ({@code {connectionId}/{servicePrincipalId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param servicePrincipalId service principal id of the removed app
 * @param reason       how the deletion was detected
 */
public record ExternalAppDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String servicePrincipalId, DeletionReason reason)
        implements SyncedEntityEvent {

    public ExternalAppDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(servicePrincipalId, "servicePrincipalId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return ExternalAppSynced.key(connectionId, servicePrincipalId);
    }
}
