package io.m365platform.sync.resource.licenses;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.contracts.directory.LicenseUnits;
import io.m365platform.contracts.directory.ServicePlan;
import io.m365platform.contracts.directory.SubscribedSku;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.engine.StepScope;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.resource.CollectionResourceSync;
import io.m365platform.sync.resource.GraphJson;

import java.util.ArrayList;
import java.util.List;

import static io.m365platform.sync.resource.GraphJson.integer;
import static io.m365platform.sync.resource.GraphJson.text;

/**
 * Subscribed SKUs ({@code /subscribedSkus}) with units and service plans; unassigned = enabled − consumed. One
 * request, so read in incremental runs too (consumed units move with every license change).
 */
public final class SubscribedSkusSync extends CollectionResourceSync {

    @Override
    public SyncResource resource() {
        return SyncResource.SUBSCRIBED_SKUS;
    }

    @Override
    public List<String> permissions() {
        return List.of("Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All",
                "Directory.ReadWrite.All", "LicenseAssignment.Read.All", "LicenseAssignment.ReadWrite.All");
    }

    @Override
    protected boolean inIncrementalRuns() {
        return true;
    }

    @Override
    protected EntityKind<?> kind() {
        return SubscribedSkuKind.INSTANCE;
    }

    @Override
    protected String request(StepScope step) {
        return "/subscribedSkus";
    }

    @Override
    protected ItemMapper mapper(StepScope step) {
        return (item, changes) -> {
            SubscribedSku sku = map(item);
            if (sku.skuId() != null) {
                changes.upsert(SubscribedSkuKind.INSTANCE, sku);
            }
        };
    }

    static SubscribedSku map(JsonNode s) {
        JsonNode prepaid = s.get("prepaidUnits");
        LicenseUnits units = new LicenseUnits(integer(prepaid, "enabled"), integer(prepaid, "suspended"),
                integer(prepaid, "warning"), integer(prepaid, "lockedOut"));
        int consumed = integer(s, "consumedUnits");
        List<ServicePlan> plans = new ArrayList<>();
        for (JsonNode p : GraphJson.array(s, "servicePlans")) {
            plans.add(new ServicePlan(text(p, "servicePlanId"), text(p, "servicePlanName"),
                    text(p, "provisioningStatus"), text(p, "appliesTo")));
        }
        return new SubscribedSku(text(s, "id"), text(s, "skuId"), text(s, "skuPartNumber"),
                text(s, "capabilityStatus"), text(s, "appliesTo"), consumed, units,
                SubscribedSku.unassigned(units, consumed), plans, text(s, "accountId"), text(s, "accountName"),
                GraphJson.texts(s, "subscriptionIds"));
    }
}
