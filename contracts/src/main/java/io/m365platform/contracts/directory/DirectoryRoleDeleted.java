package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A directory role is no longer activated. Followed by a tombstone for the same key
 * ({@code {connectionId}/role/{roleId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param roleId       id of the role no longer activated
 * @param reason       how the deletion was detected
 */
public record DirectoryRoleDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String roleId, DeletionReason reason)
        implements SyncedEntityEvent {

    public DirectoryRoleDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(roleId, "roleId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return DirectoryRoleSynced.key(connectionId, roleId);
    }
}
