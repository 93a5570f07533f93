package io.m365platform.usage.summary;

/**
 * How one SKU's licenses are used over the window. "Active" is "assigned and used any app in the window" (activity
 * cannot be tied to one SKU when a user holds several, GRAPH_FACTS §10.1).
 *
 * @param skuId                   SKU id
 * @param skuPartNumber           e.g. SPE_E5
 * @param prepaidUnits            enabled units bought
 * @param consumedUnits           units Graph counts as assigned
 * @param unassignedUnits         bought and not assigned
 * @param assignedUsers           holders known from the license-assignment topic
 * @param assignedDirectly        holders with a direct assignment (removable by an action)
 * @param inheritedOnly           holders through groups only (change the group, not the user)
 * @param activeUsers             holders with app use in the window
 * @param inactiveUsers           holders without app use and without a recent sign-in (where sign-ins are known)
 * @param inactiveDirect          inactive holders with a direct assignment
 * @param signedInWithoutUse      holders without app use who signed in recently (neither active nor inactive)
 * @param window                  the window
 */
public record SkuUtilisation(String skuId, String skuPartNumber, int prepaidUnits, int consumedUnits,
                             int unassignedUnits, int assignedUsers, int assignedDirectly, int inheritedOnly,
                             int activeUsers, int inactiveUsers, int inactiveDirect, int signedInWithoutUse,
                             UsageWindow window) {
}
