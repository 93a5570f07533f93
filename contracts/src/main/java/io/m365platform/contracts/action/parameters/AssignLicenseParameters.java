package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

import java.util.List;

/**
 * assign-license (Graph assignLicense, addLicenses).
 *
 * @param userId        user (needs a usageLocation)
 * @param skuId         SKU to assign (GUID)
 * @param disabledPlans service plans to switch off
 */
public record AssignLicenseParameters(String userId, String skuId, List<String> disabledPlans)
        implements ActionParameters {

    public AssignLicenseParameters {
        Checks.requireText(userId, "userId");
        Checks.requireText(skuId, "skuId");
        disabledPlans = Checks.list(disabledPlans);
    }

    @Override
    public String targetId() {
        return userId;
    }
}
