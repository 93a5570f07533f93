package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * The tenant no longer lists this SKU in /subscribedSkus. Followed by a tombstone for the same key
 * ({@code {connectionId}/{skuId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param skuId        SKU id no longer subscribed
 * @param reason       how the deletion was detected
 */
public record SubscribedSkuDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String skuId, DeletionReason reason)
        implements SyncedEntityEvent {

    public SubscribedSkuDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(skuId, "skuId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return SubscribedSkuSynced.key(connectionId, skuId);
    }
}
