package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A group was deleted or is no longer returned. Followed by a tombstone for the same key
 * ({@code {connectionId}/{groupId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param groupId      id of the deleted group
 * @param reason       how the deletion was detected
 */
public record GroupDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String groupId, DeletionReason reason)
        implements SyncedEntityEvent {

    public GroupDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(groupId, "groupId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return GroupSynced.key(connectionId, groupId);
    }
}
