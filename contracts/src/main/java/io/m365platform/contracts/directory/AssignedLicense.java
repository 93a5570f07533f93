package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;

import java.util.List;

/**
 * A license on a user as Graph's {@code assignedLicenses} reports it.
 *
 * @param skuId         SKU id (GUID)
 * @param disabledPlans service plan ids switched off for this user (GUIDs)
 */
public record AssignedLicense(String skuId, List<String> disabledPlans) {

    public AssignedLicense {
        Checks.requireText(skuId, "skuId");
        disabledPlans = Checks.list(disabledPlans);
    }
}
