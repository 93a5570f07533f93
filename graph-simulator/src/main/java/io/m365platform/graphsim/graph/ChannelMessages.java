package io.m365platform.graphsim.graph;

import io.m365platform.graphsim.tenant.Tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Messages posted to channels through Graph (per tenant; guarded by the tenant's lock). */
final class ChannelMessages {
    /** One posted message; {@code fromUserId} null when an import app posted without naming a user. */
    record Message(String id, String teamId, String channelId, Instant createdDateTime, String contentType, String content,
                   String subject, String importance, String fromUserId, String fromUserName, String fromAppId, String fromAppName) {
    }

    private final Map<String, List<Message>> byChannel = new HashMap<>();
    private long lastId;

    static ChannelMessages of(Tenant t) {
        return t.extension(ChannelMessages.class, x -> new ChannelMessages());
    }

    /** Inside Tenant.read. */
    List<Message> list(String teamId, String channelId) {
        return List.copyOf(byChannel.getOrDefault(teamId + "|" + channelId, List.of()));
    }

    /** Inside Tenant.write. Ids are increasing epoch milliseconds, like Teams message ids. */
    Message add(Message draft, Instant now) {
        long id = Math.max(now.toEpochMilli(), lastId + 1);
        lastId = id;
        Message m = new Message(String.valueOf(id), draft.teamId(), draft.channelId(),
                draft.createdDateTime() != null ? draft.createdDateTime() : now, draft.contentType(), draft.content(), draft.subject(),
                draft.importance(), draft.fromUserId(), draft.fromUserName(), draft.fromAppId(), draft.fromAppName());
        byChannel.computeIfAbsent(m.teamId() + "|" + m.channelId(), k -> new ArrayList<>()).add(m);
        return m;
    }
}
