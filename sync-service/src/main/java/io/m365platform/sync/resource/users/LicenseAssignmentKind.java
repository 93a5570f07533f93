package io.m365platform.sync.resource.users;

import io.m365platform.contracts.directory.LicenseAssignment;
import io.m365platform.contracts.directory.LicenseAssignmentDeleted;
import io.m365platform.contracts.directory.LicenseAssignmentSynced;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/**
 * A user's holding of one SKU: table {@code license_assignments} (owned by the user), topic
 * {@code m365.directory.license-assignments}, key {@code {connectionId}/{userId}/{skuId}}.
 */
public final class LicenseAssignmentKind extends BaseKind<LicenseAssignment> {

    public static final LicenseAssignmentKind INSTANCE = new LicenseAssignmentKind();

    private LicenseAssignmentKind() {
        super("license-assignment", SyncResource.LICENSE_ASSIGNMENTS, "license_assignments",
                Topic.DIRECTORY_LICENSE_ASSIGNMENTS, LicenseAssignment.class, List.of(
                        Column.text("sku_id", LicenseAssignment::skuId),
                        Column.text("sku_part_number", LicenseAssignment::skuPartNumber),
                        Column.bool("assigned_directly", LicenseAssignment::assignedDirectly)),
                KindIdentity.owned(LicenseAssignment::userId, LicenseAssignment::skuId, LicenseAssignmentSynced::key,
                        LicenseAssignmentDeleted::new),
                LicenseAssignmentSynced::new);
    }
}
