package io.m365platform.contracts.teams;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A Teams app is no longer installed for a user. Followed by a tombstone for the same key
 * ({@code {connectionId}/{userId}/{teamsAppId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param userId       user id
 * @param teamsAppId   catalog id of the uninstalled app
 * @param reason       how the deletion was detected
 */
public record InstalledAppDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String userId, String teamsAppId, DeletionReason reason)
        implements SyncedEntityEvent {

    public InstalledAppDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(userId, "userId");
        Checks.requireText(teamsAppId, "teamsAppId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return InstalledAppSynced.key(connectionId, userId, teamsAppId);
    }
}
