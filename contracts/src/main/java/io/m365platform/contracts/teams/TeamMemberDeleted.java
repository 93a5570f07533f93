package io.m365platform.contracts.teams;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A user is no longer a member of a team. Followed by a tombstone for the same key
 * ({@code {connectionId}/{teamId}/{userId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param teamId       team id
 * @param userId       user who left the team
 * @param reason       how the deletion was detected
 */
public record TeamMemberDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String teamId, String userId, DeletionReason reason)
        implements SyncedEntityEvent {

    public TeamMemberDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(teamId, "teamId");
        Checks.requireText(userId, "userId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return TeamMemberSynced.key(connectionId, teamId, userId);
    }
}
