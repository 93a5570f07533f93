package io.m365platform.graphsim.model;

import java.util.List;

/**
 * A subscribed SKU. consumedUnits is not stored: it is counted from the users' direct and group-inherited
 * assignments whenever it is served, so it always matches. {@code productName} is the commercial name the usage
 * reports print in "Assigned Products" (not a Graph property of subscribedSku).
 */
public record Sku(
        String skuId,
        String skuPartNumber,
        String productName,
        String appliesTo,
        String capabilityStatus,
        int prepaidEnabled,
        int prepaidSuspended,
        int prepaidWarning,
        int prepaidLockedOut,
        List<ServicePlan> servicePlans,
        List<String> subscriptionIds) {

    public Sku {
        servicePlans = servicePlans == null ? List.of() : List.copyOf(servicePlans);
        subscriptionIds = subscriptionIds == null ? List.of() : List.copyOf(subscriptionIds);
        appliesTo = appliesTo == null ? "User" : appliesTo;
        capabilityStatus = capabilityStatus == null ? "Enabled" : capabilityStatus;
    }

    public Sku withPrepaidEnabled(int units) {
        return new Sku(skuId, skuPartNumber, productName, appliesTo, capabilityStatus, units, prepaidSuspended,
                prepaidWarning, prepaidLockedOut, servicePlans, subscriptionIds);
    }
}
