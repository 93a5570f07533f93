package io.m365platform.sync.resource.roles;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.directory.RoleAssignment;
import io.m365platform.contracts.directory.RoleAssignmentDeleted;
import io.m365platform.contracts.directory.RoleAssignmentSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** Active role assignments: table {@code role_assignments}, topic {@code m365.directory.roles}, key {@code {connectionId}/role-assignment/{id}}. */
public final class RoleAssignmentKind extends BaseKind<RoleAssignment> {

    public static final RoleAssignmentKind INSTANCE = new RoleAssignmentKind();

    private RoleAssignmentKind() {
        super("role-assignment", SyncResource.ROLE_ASSIGNMENTS, "role_assignments", Topic.DIRECTORY_ROLES, RoleAssignment.class, List.of(
                Column.text("principal_id", RoleAssignment::principalId),
                Column.text("role_definition_id", RoleAssignment::roleDefinitionId)),
                KindIdentity.of(RoleAssignment::id, RoleAssignmentSynced::key, RoleAssignmentDeleted::new),
                RoleAssignmentSynced::new);
    }
}
