package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A role assignment was removed. Followed by a tombstone for the same key
 * ({@code {connectionId}/role-assignment/{assignmentId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param assignmentId id of the removed assignment
 * @param reason       how the deletion was detected
 */
public record RoleAssignmentDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String assignmentId, DeletionReason reason)
        implements SyncedEntityEvent {

    public RoleAssignmentDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(assignmentId, "assignmentId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return RoleAssignmentSynced.key(connectionId, assignmentId);
    }
}
