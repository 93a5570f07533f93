package io.m365platform.contracts.teams;

import io.m365platform.contracts.Checks;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;

import java.time.Instant;

/**
 * A channel of a team was created or changed. Published on a compacted topic keyed by
 * {@code {connectionId}/{teamId}/{channelId}}, so the latest record per key is the current state.
 *
 * @param connectionId connection the entity was synced through
 * @param tenantId     tenant
 * @param syncRunId    sync run that observed it
 * @param observedAt   when the run observed it
 * @param channel      the channel's whole state
 */
public record ChannelSynced(String connectionId, String tenantId, String syncRunId, Instant observedAt,
        Channel channel)
        implements SyncedEntityEvent {

    public ChannelSynced {
        Checks.requireText(connectionId, "connectionId");
        Checks.requireText(tenantId, "tenantId");
        Checks.requireText(syncRunId, "syncRunId");
        Checks.require(observedAt, "observedAt");
        Checks.require(channel, "channel");
    }

    /** The Kafka key {@code {connectionId}/{teamId}/{channelId}}, shared with the matching deleted event and tombstone. */
    public static String key(String connectionId, String teamId, String channelId) {
        return EventKey.of(connectionId, teamId, channelId);
    }

    @Override
    public String kafkaKey() {
        return key(connectionId, channel.teamId(), channel.id());
    }
}
