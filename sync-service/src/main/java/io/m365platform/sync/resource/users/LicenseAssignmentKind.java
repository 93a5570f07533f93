package io.m365platform.sync.resource.users;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.directory.LicenseAssignment;
import io.m365platform.contracts.directory.LicenseAssignmentDeleted;
import io.m365platform.contracts.directory.LicenseAssignmentSynced;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.EventContext;

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
                        Column.bool("assigned_directly", LicenseAssignment::assignedDirectly)));
    }

    @Override
    public String objectId(LicenseAssignment state) {
        return EventKey.of(state.userId(), state.skuId());
    }

    @Override
    public String parentId(LicenseAssignment state) {
        return state.userId();
    }

    @Override
    public String kafkaKey(String connectionId, LicenseAssignment state) {
        return LicenseAssignmentSynced.key(connectionId, state.userId(), state.skuId());
    }

    @Override
    public SyncedEntityEvent synced(LicenseAssignment state, EventContext c) {
        return new LicenseAssignmentSynced(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), state);
    }

    @Override
    public SyncedEntityEvent deleted(LicenseAssignment last, DeletionReason reason, EventContext c) {
        return new LicenseAssignmentDeleted(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(),
                last.userId(), last.skuId(), reason);
    }
}
