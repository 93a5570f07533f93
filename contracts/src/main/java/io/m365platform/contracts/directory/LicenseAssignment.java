package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;

import java.util.List;

/**
 * One user's holding of one SKU, however it is assigned (directly and/or through groups).
 *
 * @param userId                id of the user
 * @param userPrincipalName     the user's UPN (denormalised for readers that only hold licenses)
 * @param skuId                 SKU id (GUID)
 * @param skuPartNumber         SKU part number, e.g. ENTERPRISEPACK (null if the SKU is unknown)
 * @param assignedDirectly      true when assigned to the user directly
 * @param inheritedFromGroupIds ids of groups the license is inherited from
 * @param disabledPlans         effective disabled plans: plans disabled on every path
 * @param assignmentStates      every assignment path with its state and error
 */
public record LicenseAssignment(String userId, String userPrincipalName, String skuId, String skuPartNumber,
                                boolean assignedDirectly, List<String> inheritedFromGroupIds,
                                List<String> disabledPlans, List<LicenseAssignmentState> assignmentStates) {

    public LicenseAssignment {
        Checks.requireText(userId, "userId");
        Checks.requireText(skuId, "skuId");
        inheritedFromGroupIds = Checks.list(inheritedFromGroupIds);
        disabledPlans = Checks.list(disabledPlans);
        assignmentStates = Checks.list(assignmentStates);
        if (!assignedDirectly && inheritedFromGroupIds.isEmpty()) {
            throw new IllegalArgumentException("a license assignment is direct, inherited, or both");
        }
    }
}
