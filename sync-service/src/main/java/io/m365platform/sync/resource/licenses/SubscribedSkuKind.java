package io.m365platform.sync.resource.licenses;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.SubscribedSku;
import io.m365platform.contracts.directory.SubscribedSkuDeleted;
import io.m365platform.contracts.directory.SubscribedSkuSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

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
                Column.integer("unassigned_units", SubscribedSku::unassignedUnits)),
                KindIdentity.of(SubscribedSku::skuId, SubscribedSkuSynced::key, SubscribedSkuDeleted::new),
                SubscribedSkuSynced::new);
    }
}
