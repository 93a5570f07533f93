package io.m365platform.contracts.teams;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A team was deleted (or its group lost the Team option). Followed by a tombstone for the same key
 * ({@code {connectionId}/{teamId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param teamId       id of the deleted team
 * @param reason       how the deletion was detected
 */
public record TeamDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String teamId, DeletionReason reason)
        implements SyncedEntityEvent {

    public TeamDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(teamId, "teamId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return TeamSynced.key(connectionId, teamId);
    }
}
