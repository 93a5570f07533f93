package io.m365platform.contracts.teams;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A channel was deleted. Followed by a tombstone for the same key
 * ({@code {connectionId}/{teamId}/{channelId}}).
 *
 * @param connectionId connection
 * @param tenantId     tenant
 * @param syncRunId    sync run that found the deletion
 * @param observedAt   when the run found it
 * @param teamId       team id
 * @param channelId    id of the deleted channel
 * @param reason       how the deletion was detected
 */
public record ChannelDeleted(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        String teamId, String channelId, DeletionReason reason)
        implements SyncedEntityEvent {

    public ChannelDeleted {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.requireText(teamId, "teamId");
        Checks.requireText(channelId, "channelId");
        Checks.require(reason, "reason");
    }

    @Override
    public String kafkaKey() {
        return ChannelSynced.key(connectionId, teamId, channelId);
    }
}
