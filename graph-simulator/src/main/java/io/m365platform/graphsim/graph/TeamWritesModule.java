package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.Caller;
import io.m365platform.graphsim.auth.WritePermissions;
import io.m365platform.graphsim.graph.Views.MemberView;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.Channel;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.Team;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppRegistration;
import io.m365platform.graphsim.tenant.Tenant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Teams writes (GRAPH_FACTS §6): add a member ({@code aadUserConversationMember} with {@code user@odata.bind};
 * 201 + conversationMember; roles [] or ["owner"]), remove a member by its membership id (204; a user id is not a
 * membership id → 404), and post a channel message: 403 for app-only tokens unless Teamwork.Migrate.All (message
 * import), 201 chatMessage for a delegated ChannelMessage.Send caller who is a member of the team. Posted messages
 * are listed by GET …/messages.
 */
public final class TeamWritesModule implements SimulatorModule {
    private static final String MEMBER_TYPE = "#microsoft.graph.aadUserConversationMember";

    @Override
    public String name() {
        return "team-writes";
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        c.graph("POST", "/v1.0/teams/{id}/members", WritePermissions.TEAM_MEMBERS_WRITE, this::addMember);
        c.graph("DELETE", "/v1.0/teams/{id}/members/{membershipId}", WritePermissions.TEAM_MEMBERS_WRITE, this::removeMember);
        c.graph("POST", "/v1.0/teams/{id}/channels/{channelId}/messages", WritePermissions.CHANNEL_MESSAGE_SEND, this::postMessage);
        c.graph("GET", "/v1.0/teams/{id}/channels/{channelId}/messages", WritePermissions.CHANNEL_MESSAGE_READ, this::listMessages);
    }

    // ------------------------------------------------------------------ members

    private void addMember(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        JsonNode b = UserWritesModule.object(req.bodyJson());
        JsonNode type = b.get("@odata.type");
        if (type == null || !MEMBER_TYPE.equalsIgnoreCase(type.asText())) {
            throw GraphException.badRequest("@odata.type must be " + MEMBER_TYPE + ".");
        }
        String userRef = ODataRefs.id(b, "user@odata.bind");
        boolean owner = false;
        JsonNode roles = b.get("roles");
        if (roles != null && !roles.isNull()) {
            if (!roles.isArray()) {
                throw GraphException.badRequest("roles must be an array: [] for a member, [\"owner\"] for an owner.");
            }
            for (JsonNode r : roles) {
                if (r.asText().equalsIgnoreCase("owner")) {
                    owner = true;
                } else if (!r.asText().equalsIgnoreCase("member") && !r.asText().equalsIgnoreCase("guest")) {
                    throw GraphException.badRequest("Invalid role '" + r.asText() + "'. Valid roles are owner (or none for a member).");
                }
            }
        }
        if (owner && !req.caller().permissions().contains(WritePermissions.TEAM_OWNERS_WRITE)) {
            throw GraphException.forbidden(); // TeamMember.ReadWriteNonOwnerRole.All cannot add owners
        }
        String teamId = req.pathVariable("id");
        Group g = t.read(() -> {
            TeamsModule.requireTeam(t, teamId);
            return t.groupTable().get(teamId);
        });
        User user = t.read(() -> {
            User u = t.userTable().get(userRef);
            if (u == null) {
                throw new GraphException(404, "NotFound", "User " + userRef + " was not found in the tenant.");
            }
            return u;
        });
        // an upsert: adding an existing member answers 201 with the (possibly promoted) membership
        if (!g.members().contains(user.id())) {
            t.groups().addMember(g.id(), user.id());
        }
        if (owner && !g.owners().contains(user.id())) {
            t.groups().addOwner(g.id(), user.id());
        }
        MemberView view = t.read(() -> TeamsModule.memberViews(t, TeamsModule.requireTeam(t, teamId)).stream()
                .filter(v -> v.user().id().equals(user.id())).findFirst().orElseThrow());
        List<String> fields = Schemas.TEAM_MEMBER.resolveSelect(null);
        res.json(201, gen -> {
            gen.writeStartObject();
            gen.writeStringField("@odata.context", Pages.context(req, "teams('" + g.id() + "')/members/$entity"));
            gen.writeStringField("@odata.type", MEMBER_TYPE);
            Schemas.TEAM_MEMBER.writeFields(gen, view, fields);
            gen.writeEndObject();
        });
    }

    private void removeMember(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        String teamId = req.pathVariable("id");
        String membershipId = req.pathVariable("membershipId");
        String userId = userOfMembership(teamId, membershipId);
        Group g = t.read(() -> {
            TeamsModule.requireTeam(t, teamId);
            return t.groupTable().get(teamId);
        });
        boolean member = userId != null && g.members().contains(userId);
        boolean owner = userId != null && g.owners().contains(userId);
        if (!member && !owner) {
            throw new GraphException(404, "NotFound", "No membership " + membershipId + " in team " + teamId
                    + " (use the membership id from GET /teams/{id}/members, not the user id).");
        }
        if (owner && g.owners().size() == 1) {
            // Graph keeps at least one owner on a team (GRAPH_FACTS §10.3; status and wording UNVERIFIED).
            throw new GraphException(400, "BadRequest", "The group must have at least one owner, hence this owner cannot be removed.");
        }
        if (owner) {
            t.groups().removeOwner(g.id(), userId);
        }
        if (member) {
            t.groups().removeMember(g.id(), userId);
        }
        res.empty(204);
    }

    /** The user of an opaque membership id (base64 of "0#{teamId}##{userId}"), or null when it is not one of this team's. */
    static String userOfMembership(String teamId, String membershipId) {
        try {
            String s = new String(Base64.getDecoder().decode(membershipId), StandardCharsets.US_ASCII);
            String prefix = "0#" + teamId + "##";
            return s.regionMatches(true, 0, prefix, 0, prefix.length()) ? s.substring(prefix.length()).toLowerCase() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ channel messages

    private void postMessage(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        Caller caller = req.caller();
        JsonNode b = UserWritesModule.object(req.bodyJson());
        JsonNode body = b.get("body");
        if (body == null || !body.isObject() || !body.hasNonNull("content") || body.get("content").asText().isEmpty()) {
            throw GraphException.badRequest("A chatMessage needs body.content.");
        }
        String contentType = body.path("contentType").asText("text").toLowerCase();
        if (!contentType.equals("text") && !contentType.equals("html")) {
            throw GraphException.badRequest("body.contentType must be text or html.");
        }
        String importance = b.path("importance").asText("normal");
        if (!Set.of("normal", "high", "urgent").contains(importance)) {
            throw GraphException.badRequest("importance must be normal, high or urgent.");
        }
        String teamId = req.pathVariable("id");
        String channelId = req.pathVariable("channelId");
        Channel channel = t.read(() -> requireChannel(t, teamId, channelId));
        ChannelMessages.Message draft;
        if (caller.delegated()) {
            User sender = t.read(() -> {
                User u = t.userTable().get(caller.userId());
                Group g = t.groupTable().get(teamId);
                if (u == null || (!g.members().contains(u.id()) && !g.owners().contains(u.id()))) {
                    throw new GraphException(403, "Forbidden", "The signed-in user is not a member of team " + teamId + ".");
                }
                return u;
            });
            draft = new ChannelMessages.Message(null, teamId, channel.id(), null, contentType, body.get("content").asText(),
                    b.path("subject").asText(null), importance, sender.id(), sender.displayName(), null, null);
        } else {
            // message import (Teamwork.Migrate.All): the importer names the sender and may backdate the message
            AppRegistration app = t.apps().require(caller.appId());
            Instant created = null;
            if (b.hasNonNull("createdDateTime")) {
                try {
                    created = Instant.parse(b.get("createdDateTime").asText());
                } catch (DateTimeParseException e) {
                    throw GraphException.badRequest("createdDateTime must be an ISO 8601 date-time.");
                }
            }
            JsonNode from = b.path("from").path("user");
            draft = new ChannelMessages.Message(null, teamId, channel.id(), created, contentType, body.get("content").asText(),
                    b.path("subject").asText(null), importance, from.path("id").asText(null), from.path("displayName").asText(null),
                    app.clientId(), app.displayName());
        }
        ChannelMessages.Message posted = t.write(() -> {
            ChannelMessages.Message m = ChannelMessages.of(t).add(draft, t.now());
            t.nextSeq();
            return m;
        });
        res.json(201, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", Pages.context(req, "teams('" + teamId + "')/channels('" + channel.id() + "')/messages/$entity"));
            writeMessage(g, posted, t.id());
            g.writeEndObject();
        });
    }

    private void listMessages(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        String teamId = req.pathVariable("id");
        String channelId = req.pathVariable("channelId");
        List<ChannelMessages.Message> messages = t.read(() -> {
            Channel c = requireChannel(t, teamId, channelId);
            return ChannelMessages.of(t).list(teamId, c.id());
        });
        Pages.write(req, res, "teams('" + teamId + "')/channels('" + channelId + "')/messages", null, null, null, messages,
                (g, m) -> {
                    g.writeStartObject();
                    writeMessage(g, m, t.id());
                    g.writeEndObject();
                });
    }

    private static Channel requireChannel(Tenant t, String teamId, String channelId) {
        Team team = TeamsModule.requireTeam(t, teamId);
        for (Channel ch : team.channels()) {
            if (ch.id().equalsIgnoreCase(channelId)) {
                return ch;
            }
        }
        throw new GraphException(404, "NotFound", "Channel " + channelId + " not found in team " + teamId + ".");
    }

    static void writeMessage(JsonGenerator g, ChannelMessages.Message m, String tenantId) throws IOException {
        g.writeStringField("id", m.id());
        g.writeNullField("replyToId");
        g.writeStringField("etag", m.id());
        g.writeStringField("messageType", "message");
        g.writeStringField("createdDateTime", m.createdDateTime().toString());
        g.writeStringField("lastModifiedDateTime", m.createdDateTime().toString());
        g.writeNullField("lastEditedDateTime");
        g.writeNullField("deletedDateTime");
        g.writeStringField("subject", m.subject());
        g.writeNullField("summary");
        g.writeNullField("chatId");
        g.writeStringField("importance", m.importance());
        g.writeStringField("locale", "en-us");
        g.writeStringField("webUrl", "https://teams.microsoft.com/l/message/" + m.channelId() + "/" + m.id() + "?groupId=" + m.teamId()
                + "&tenantId=" + tenantId + "&createdTime=" + m.createdDateTime().toEpochMilli() + "&parentMessageId=" + m.id());
        g.writeNullField("policyViolation");
        g.writeNullField("eventDetail");
        g.writeObjectFieldStart("from");
        if (m.fromAppId() != null && m.fromUserId() == null) {
            g.writeObjectFieldStart("application");
            g.writeStringField("id", m.fromAppId());
            g.writeStringField("displayName", m.fromAppName());
            g.writeEndObject();
        } else {
            g.writeNullField("application");
        }
        g.writeNullField("device");
        if (m.fromUserId() != null) {
            g.writeObjectFieldStart("user");
            g.writeStringField("@odata.type", "#microsoft.graph.teamworkUserIdentity");
            g.writeStringField("id", m.fromUserId());
            g.writeStringField("displayName", m.fromUserName());
            g.writeStringField("userIdentityType", "aadUser");
            g.writeEndObject();
        } else {
            g.writeNullField("user");
        }
        g.writeEndObject();
        g.writeObjectFieldStart("body");
        g.writeStringField("contentType", m.contentType());
        g.writeStringField("content", m.content());
        g.writeEndObject();
        g.writeObjectFieldStart("channelIdentity");
        g.writeStringField("teamId", m.teamId());
        g.writeStringField("channelId", m.channelId());
        g.writeEndObject();
        g.writeArrayFieldStart("attachments");
        g.writeEndArray();
        g.writeArrayFieldStart("mentions");
        g.writeEndArray();
        g.writeArrayFieldStart("reactions");
        g.writeEndArray();
    }
}
