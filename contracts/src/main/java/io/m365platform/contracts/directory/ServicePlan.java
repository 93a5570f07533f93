package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;

/**
 * Graph {@code servicePlanInfo}: one service (Exchange, Teams...) inside a SKU.
 *
 * @param servicePlanId      plan id (GUID)
 * @param servicePlanName    plan name, e.g. {@code EXCHANGE_S_ENTERPRISE}
 * @param provisioningStatus e.g. Success, Disabled, PendingProvisioning
 * @param appliesTo          {@code User} or {@code Company}
 */
public record ServicePlan(String servicePlanId, String servicePlanName, String provisioningStatus,
                          String appliesTo) {

    public ServicePlan {
        Checks.requireText(servicePlanId, "servicePlanId");
    }
}
