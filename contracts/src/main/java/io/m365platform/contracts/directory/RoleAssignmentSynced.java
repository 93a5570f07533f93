package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A principal holds a directory role (active assignment). Published on a compacted topic keyed by
 * {@code {connectionId}/role-assignment/{assignmentId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param assignment   the role assignment
 */
public record RoleAssignmentSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        RoleAssignment assignment)
        implements SyncedEntityEvent {

    public RoleAssignmentSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(assignment, "assignment");
    }

    /** The Kafka key {@code {connectionId}/role-assignment/{assignmentId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String assignmentId) {
        return EventKey.of(connectionId, "role-assignment", assignmentId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, assignment.id());
    }
}
