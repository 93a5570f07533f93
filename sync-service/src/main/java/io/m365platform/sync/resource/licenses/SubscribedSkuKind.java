package io.m365platform.sync.resource.licenses;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.SubscribedSku;
import io.m365platform.contracts.directory.SubscribedSkuDeleted;
import io.m365platform.contracts.directory.SubscribedSkuSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.EventContext;

import java.util.List;

/** Subscribed SKUs: table {@code subscribed_skus}, topic {@code m365.directory.subscribed-skus}, key {@code {connectionId}/{skuId}}. */
public final class SubscribedSkuKind extends BaseKind<SubscribedSku> {

    public static final SubscribedSkuKind INSTANCE = new SubscribedSkuKind();

    private SubscribedSkuKind() {
        super("subscribed-sku", SyncResource.SUBSCRIBED_SKUS, "subscribed_skus", Topic.DIRECTORY_SUBSCRIBED_SKUS, SubscribedSku.class, List.of(
                Column.text("sku_part_number", SubscribedSku::skuPartNumber),
                Column.text("capability_status", SubscribedSku::capabilityStatus),
                Column.integer("enabled_units", s -> s.prepaidUnits() == null ? null : s.prepaidUnits().enabled()),
                Column.integer("consumed_units", SubscribedSku::consumedUnits),
                Column.integer("unassigned_units", SubscribedSku::unassignedUnits)));
    }

    @Override
    public String objectId(SubscribedSku s) {
        return s.skuId();
    }

    @Override
    public String kafkaKey(String connectionId, SubscribedSku s) {
        return SubscribedSkuSynced.key(connectionId, s.skuId());
    }

    @Override
    public SyncedEntityEvent synced(SubscribedSku s, EventContext c) {
        return new SubscribedSkuSynced(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s);
    }

    @Override
    public SyncedEntityEvent deleted(SubscribedSku s, DeletionReason reason, EventContext c) {
        return new SubscribedSkuDeleted(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s.skuId(), reason);
    }
}
