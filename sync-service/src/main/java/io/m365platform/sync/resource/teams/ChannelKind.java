package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topic;
import io.m365platform.contracts.teams.Channel;
import io.m365platform.contracts.teams.ChannelDeleted;
import io.m365platform.contracts.teams.ChannelSynced;
import io.m365platform.sync.entity.BaseKind;
import io.m365platform.sync.entity.Column;
import io.m365platform.sync.entity.KindIdentity;

import java.util.List;

/** Channels: table {@code channels} (owned by the team), topic {@code m365.teams.channels}, key {@code {connectionId}/{teamId}/{channelId}}. */
public final class ChannelKind extends BaseKind<Channel> {

    public static final ChannelKind INSTANCE = new ChannelKind();

    private ChannelKind() {
        super("channel", SyncResource.CHANNELS, "channels", Topic.TEAMS_CHANNELS, Channel.class, List.of(
                Column.text("display_name", Channel::displayName),
                Column.text("membership_type", Channel::membershipType)),
                KindIdentity.owned(Channel::teamId, Channel::id, ChannelSynced::key, ChannelDeleted::new),
                ChannelSynced::new);
    }
}
