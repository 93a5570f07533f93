package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;

import java.util.List;

/**
 * A license SKU the tenant subscribes to (Graph {@code subscribedSku}).
 *
 * @param id               Graph id of the subscribedSku entry
 * @param skuId            SKU id (GUID); what users' assignedLicenses refer to
 * @param skuPartNumber    e.g. {@code ENTERPRISEPACK}, {@code SPE_E5}
 * @param capabilityStatus e.g. Enabled, Warning, Suspended, LockedOut, Deleted
 * @param appliesTo        {@code User} or {@code Company}
 * @param consumedUnits    units assigned to users
 * @param prepaidUnits     purchased units by state
 * @param unassignedUnits  {@code max(0, prepaidUnits.enabled - consumedUnits)}: licenses available to assign
 * @param servicePlans     services included
 * @param accountId        billing account id
 * @param accountName      billing account name
 * @param subscriptionIds  commerce subscription ids behind this SKU
 */
public record SubscribedSku(String id, String skuId, String skuPartNumber, String capabilityStatus,
                            String appliesTo, int consumedUnits, LicenseUnits prepaidUnits, int unassignedUnits,
                            List<ServicePlan> servicePlans, String accountId, String accountName,
                            List<String> subscriptionIds) {

    public SubscribedSku {
        Checks.requireText(skuId, "skuId");
        Checks.requireText(skuPartNumber, "skuPartNumber");
        Checks.require(prepaidUnits, "prepaidUnits");
        servicePlans = Checks.list(servicePlans);
        subscriptionIds = Checks.list(subscriptionIds);
    }

    /** Licenses still assignable: enabled units minus consumed units, never negative. */
    public static int unassigned(LicenseUnits prepaid, int consumedUnits) {
        return Math.max(0, prepaid.enabled() - consumedUnits);
    }
}
