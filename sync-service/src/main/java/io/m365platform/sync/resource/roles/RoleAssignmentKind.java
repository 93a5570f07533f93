package io.m365platform.sync.resource.roles;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.RoleAssignment;
import io.m365platform.contracts.directory.RoleAssignmentDeleted;
import io.m365platform.contracts.directory.RoleAssignmentSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.EventContext;

import java.util.List;

/** Active role assignments: table {@code role_assignments}, topic {@code m365.directory.roles}, key {@code {connectionId}/role-assignment/{id}}. */
public final class RoleAssignmentKind extends BaseKind<RoleAssignment> {

    public static final RoleAssignmentKind INSTANCE = new RoleAssignmentKind();

    private RoleAssignmentKind() {
        super("role-assignment", SyncResource.ROLE_ASSIGNMENTS, "role_assignments", Topic.DIRECTORY_ROLES, RoleAssignment.class, List.of(
                Column.text("principal_id", RoleAssignment::principalId),
                Column.text("role_definition_id", RoleAssignment::roleDefinitionId)));
    }

    @Override
    public String objectId(RoleAssignment s) {
        return s.id();
    }

    @Override
    public String kafkaKey(String connectionId, RoleAssignment s) {
        return RoleAssignmentSynced.key(connectionId, s.id());
    }

    @Override
    public SyncedEntityEvent synced(RoleAssignment s, EventContext c) {
        return new RoleAssignmentSynced(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s);
    }

    @Override
    public SyncedEntityEvent deleted(RoleAssignment s, DeletionReason reason, EventContext c) {
        return new RoleAssignmentDeleted(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s.id(), reason);
    }
}
