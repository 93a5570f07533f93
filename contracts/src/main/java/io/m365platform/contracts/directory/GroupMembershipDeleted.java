package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * An object is no longer a member of a group. Followed by a tombstone for the same key
 * ({@code {connectionId}/{groupId}/{memberId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param groupId      group id
 * @param memberId     id of the former member
 * @param reason       how the deletion was detected
 */
public record GroupMembershipDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String groupId, String memberId, DeletionReason reason)
        implements SyncedEntityEvent {

    public GroupMembershipDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(groupId, "groupId");
        Checks.requireText(memberId, "memberId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return GroupMembershipSynced.key(connectionId, groupId, memberId);
    }
}
