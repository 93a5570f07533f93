package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A user no longer holds a SKU (or the user was deleted). Followed by a tombstone for the same key
 * ({@code {connectionId}/{userId}/{skuId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param userId       user who lost the license
 * @param skuId        SKU id
 * @param reason       how the deletion was detected
 */
public record LicenseAssignmentDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String userId, String skuId, DeletionReason reason)
        implements SyncedEntityEvent {

    public LicenseAssignmentDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(userId, "userId");
        Checks.requireText(skuId, "skuId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return LicenseAssignmentSynced.key(connectionId, userId, skuId);
    }
}
