package io.m365platform.connection.capability;

import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A product as its setup guide describes it: the permission list to grant for data sync (level read) and the extra
 * permissions for workflow actions (level read-write), per permission kind, and the usage report that proves report
 * access.
 *
 * @param product      the product
 * @param title        its name
 * @param usageReport  the Graph report function probed by the connection test (e.g. getOffice365ActiveUserDetail)
 * @param readLists    per kind: the data-sync permissions
 * @param actionLists  per kind: the additional workflow-action permissions
 */
public record ProductProfile(Product product, String title, String usageReport,
                             Map<PermissionKind, List<String>> readLists,
                             Map<PermissionKind, List<String>> actionLists) {

    public ProductProfile {
        readLists = Map.copyOf(readLists);
        actionLists = Map.copyOf(actionLists);
    }

    /** Every permission a connection of this kind and level should be granted, in guide order. */
    public List<String> permissionsFor(PermissionKind kind, PermissionLevel level) {
        Set<String> all = new LinkedHashSet<>(readLists.get(kind));
        if (level == PermissionLevel.READ_WRITE) {
            all.addAll(actionLists.get(kind));
        }
        return List.copyOf(all);
    }
}
