package io.m365platform.contracts.directory;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A user was deleted (soft or hard) or is no longer returned. Followed by a tombstone for the same key
 * ({@code {connectionId}/{userId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param userId       id of the deleted user
 * @param reason       how the deletion was detected
 */
public record UserDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String userId, DeletionReason reason)
        implements SyncedEntityEvent {

    public UserDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(userId, "userId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return UserSynced.key(connectionId, userId);
    }
}
