package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A subscribed SKU (license product) with its units and service plans. Published on a compacted topic keyed by
 * {@code {connectionId}/{skuId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param sku          the SKU's whole state
 */
public record SubscribedSkuSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        SubscribedSku sku)
        implements SyncedEntityEvent {

    public SubscribedSkuSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(sku, "sku");
    }

    /** The Kafka key {@code {connectionId}/{skuId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String skuId) {
        return EventKey.of(connectionId, skuId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, sku.skuId());
    }
}
