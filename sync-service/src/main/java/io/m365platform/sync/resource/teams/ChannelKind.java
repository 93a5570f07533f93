package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.EventKey;
import io.m365platform.contracts.SyncedEntityEvent;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.teams.Channel;
import io.m365platform.contracts.teams.ChannelDeleted;
import io.m365platform.contracts.teams.ChannelSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.EventContext;

import java.util.List;

/** Channels: table {@code channels} (owned by the team), topic {@code m365.teams.channels}, key {@code {connectionId}/{teamId}/{channelId}}. */
public final class ChannelKind extends BaseKind<Channel> {

    public static final ChannelKind INSTANCE = new ChannelKind();

    private ChannelKind() {
        super("channel", SyncResource.CHANNELS, "channels", Topic.TEAMS_CHANNELS, Channel.class, List.of(
                Column.text("display_name", Channel::displayName),
                Column.text("membership_type", Channel::membershipType)));
    }

    @Override
    public String objectId(Channel s) {
        return EventKey.of(s.teamId(), s.id());
    }

    @Override
    public String parentId(Channel s) {
        return s.teamId();
    }

    @Override
    public String kafkaKey(String connectionId, Channel s) {
        return ChannelSynced.key(connectionId, s.teamId(), s.id());
    }

    @Override
    public SyncedEntityEvent synced(Channel s, EventContext c) {
        return new ChannelSynced(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s);
    }

    @Override
    public SyncedEntityEvent deleted(Channel s, DeletionReason reason, EventContext c) {
        return new ChannelDeleted(c.connectionId(), c.tenantId(), c.syncRunId(), c.observedAt(), s.teamId(), s.id(), reason);
    }
}
