package io.m365platform.contracts.action.parameters;

import io.m365platform.contracts.Checks;

/**
 * remove-license (Graph assignLicense, removeLicenses). Only direct assignments can be removed; a license
 * inherited from a group fails with a clear error.
 *
 * @param userId user
 * @param skuId  SKU to remove (GUID)
 */
public record RemoveLicenseParameters(String userId, String skuId) implements ActionParameters {

    public RemoveLicenseParameters {
        Checks.requireText(userId, "userId");
        Checks.requireText(skuId, "skuId");
    }

    @Override
    public String targetId() {
        return userId;
    }
}
