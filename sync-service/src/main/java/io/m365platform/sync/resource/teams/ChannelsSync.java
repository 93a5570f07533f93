package io.m365platform.sync.resource.teams;

import io.m365platform.contracts.teams.Channel;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.sync.engine.ItemMapper;
import io.m365platform.sync.entity.EntityKind;
import io.m365platform.sync.resource.PerParentResourceSync;
import io.m365platform.sync.run.RunMode;

import java.util.List;

import static io.m365platform.sync.resource.GraphJson.bool;
import static io.m365platform.sync.resource.GraphJson.instant;
import static io.m365platform.sync.resource.GraphJson.text;

/** Channels of every team ({@code /teams/{id}/channels}); Teams connections, full runs. */
public final class ChannelsSync extends PerParentResourceSync {

    @Override
    public SyncResource resource() {
        return SyncResource.CHANNELS;
    }

    @Override
    public List<String> permissions() {
        return List.of("Channel.ReadBasic.All", "ChannelSettings.Read.All", "ChannelSettings.ReadWrite.All",
                "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");
    }

    @Override
    protected EntityKind<?> childKind() {
        return ChannelKind.INSTANCE;
    }

    @Override
    protected String ownersQuery(RunMode mode) {
        return "select object_id from teams where connection_id = ? and object_id > ? order by object_id";
    }

    @Override
    protected String request(String teamId) {
        return "/teams/" + teamId + "/channels";
    }

    @Override
    protected ItemMapper mapper(String teamId) {
        return (c, changes) -> changes.upsert(ChannelKind.INSTANCE, new Channel(text(c, "id"), teamId,
                text(c, "displayName"), text(c, "description"), emptyToNull(text(c, "email")),
                text(c, "membershipType"), bool(c, "isArchived"), bool(c, "isFavoriteByDefault"), text(c, "webUrl"),
                instant(c, "createdDateTime")));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
