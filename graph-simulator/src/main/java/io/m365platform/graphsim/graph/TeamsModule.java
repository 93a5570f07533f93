package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.Permissions;
import io.m365platform.graphsim.graph.Views.MemberView;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.Channel;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.Team;
import io.m365platform.graphsim.model.TeamsApp;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Tenant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Teams: members (conversationMember, opaque membership ids), channels, users' installed personal apps. */
public final class TeamsModule implements SimulatorModule {
    @Override
    public String name() {
        return "teams";
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        c.graph("GET", "/v1.0/teams/{id}", Permissions.TEAM_READ, this::team);
        c.graph("GET", "/v1.0/teams/{id}/members", Permissions.TEAM_MEMBERS_READ, this::members);
        c.graph("GET", "/v1.0/teams/{id}/channels", Permissions.CHANNELS_READ, this::channels);
        c.graph("GET", "/v1.0/teams/{id}/channels/{channelId}", Permissions.CHANNELS_READ, this::channel);
        c.graph("GET", "/v1.0/users/{id}/teamwork/installedApps", Permissions.INSTALLED_APPS_READ, this::installedApps);
    }

    /** A team (team-enabled group) or 404 with Teams' wording (inside read). */
    static Team requireTeam(Tenant t, String id) {
        Team team = t.team(id);
        if (team == null) {
            throw new GraphException(404, "NotFound", "No team found with Group Id " + id);
        }
        return team;
    }

    /** The team's members: group members (users) plus owners, owners flagged; inside read. */
    static List<MemberView> memberViews(Tenant t, Team team) {
        Group g = t.groupTable().get(team.groupId());
        Set<String> ids = new LinkedHashSet<>(g.owners());
        ids.addAll(g.members());
        List<MemberView> result = new ArrayList<>();
        for (String id : ids) {
            User u = t.userTable().get(id);
            if (u != null) {
                result.add(new MemberView(g.id(), u, g.owners().contains(id), t.id()));
            }
        }
        return result;
    }

    /** GET /teams/{id}: the team resource (name, description and visibility from its group). */
    private void team(SimRequest req, SimResponse res) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        List<String> fields = Schemas.TEAM.resolveSelect(q.select);
        Tenant t = req.tenant();
        Views.TeamView v = t.read(() -> {
            Team team = requireTeam(t, req.pathVariable("id"));
            return new Views.TeamView(team, t.groupTable().get(team.groupId()), t.id());
        });
        Pages.single(req, res, "teams/$entity", g -> Schemas.TEAM.writeFields(g, v, fields));
    }

    private void members(SimRequest req, SimResponse res) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        q.requireFilterable(Schemas.TEAM_MEMBER);
        Tenant t = req.tenant();
        List<MemberView> all = t.read(() -> memberViews(t, requireTeam(t, req.pathVariable("id"))));
        List<String> fields = Schemas.TEAM_MEMBER.resolveSelect(q.select);
        List<MemberView> matching = all;
        if (q.filter != null) {
            matching = new ArrayList<>();
            for (MemberView v : all) {
                if (q.filter.test(name -> memberValue(v, name))) {
                    matching.add(v);
                }
            }
        }
        int start = Pages.decodePosition("tmem", q.skipToken);
        int end = Math.min(matching.size(), start + q.top);
        List<MemberView> items = start >= matching.size() ? List.of() : matching.subList(start, end);
        String nextLink = end < matching.size() ? Pages.linkWith(req, "$skiptoken", Pages.encodePosition("tmem", end)) : null;
        Pages.write(req, res, "teams('" + req.pathVariable("id") + "')/members", null, nextLink, null, items,
                (g, v) -> Schemas.TEAM_MEMBER.write(g, v, fields, true));
    }

    /** $filter on members accepts the cast form {@code microsoft.graph.aadUserConversationMember/userId}. */
    private static Object memberValue(MemberView v, String name) {
        String n = name.startsWith("microsoft.graph.aadUserConversationMember/") ? name.substring(name.indexOf('/') + 1) : name;
        return Schemas.TEAM_MEMBER.value(v, n);
    }

    private void channels(SimRequest req, SimResponse res) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        q.requireFilterable(Schemas.CHANNEL);
        Tenant t = req.tenant();
        List<Channel> channels = t.read(() -> requireTeam(t, req.pathVariable("id")).channels());
        List<String> fields = Schemas.CHANNEL.resolveSelect(q.select);
        List<Channel> matching = new ArrayList<>();
        for (Channel c : channels) {
            if (q.filter == null || q.filter.test(name -> Schemas.CHANNEL.value(c, name))) {
                matching.add(c);
            }
        }
        Pages.write(req, res, "teams('" + req.pathVariable("id") + "')/channels", null, null, null, matching,
                (g, c) -> writeChannel(g, c, fields, t.id(), req.pathVariable("id")));
    }

    private static void writeChannel(JsonGenerator g, Channel c, List<String> fields, String tenantId, String teamId) throws IOException {
        g.writeStartObject();
        Schemas.CHANNEL.writeFields(g, c, fields);
        if (fields.contains("displayName")) {
            g.writeStringField("tenantId", tenantId);
            g.writeStringField("webUrl", "https://teams.microsoft.com/l/channel/" + c.id() + "/" + c.displayName().replace(' ', '+')
                    + "?groupId=" + teamId + "&tenantId=" + tenantId);
        }
        g.writeEndObject();
    }

    private void channel(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        String channelId = req.pathVariable("channelId");
        Channel c = t.read(() -> {
            for (Channel ch : requireTeam(t, req.pathVariable("id")).channels()) {
                if (ch.id().equalsIgnoreCase(channelId)) {
                    return ch;
                }
            }
            throw new GraphException(404, "NotFound", "Channel " + channelId + " not found");
        });
        List<String> fields = Schemas.CHANNEL.resolveSelect(ODataQuery.parse(req, 100, 999).select);
        Pages.single(req, res, "teams('" + req.pathVariable("id") + "')/channels/$entity", g -> Schemas.CHANNEL.writeFields(g, c, fields));
    }

    private void installedApps(SimRequest req, SimResponse res) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        boolean expandApp = q.expands("teamsApp");
        boolean expandDefinition = q.expands("teamsAppDefinition");
        Tenant t = req.tenant();
        String[] userId = new String[1];
        List<TeamsApp> apps = t.read(() -> {
            User u = UsersModule.requireUser(t, req.pathVariable("id"));
            userId[0] = u.id();
            return t.installedApps(u);
        });
        List<TeamsApp> matching = new ArrayList<>();
        for (TeamsApp a : apps) {
            if (q.filter == null || q.filter.test(name -> appValue(a, name))) {
                matching.add(a);
            }
        }
        Pages.write(req, res, "users('" + userId[0] + "')/teamwork/installedApps", null, null, null, matching, (g, a) -> {
            g.writeStartObject();
            g.writeStringField("id", Base64.getEncoder().encodeToString((userId[0] + "##" + a.id()).getBytes(StandardCharsets.US_ASCII)));
            if (expandApp) {
                g.writeObjectFieldStart("teamsApp");
                g.writeStringField("id", a.id());
                g.writeStringField("externalId", a.externalId());
                g.writeStringField("displayName", a.displayName());
                g.writeStringField("distributionMethod", a.distributionMethod());
                g.writeEndObject();
            }
            if (expandDefinition) {
                g.writeObjectFieldStart("teamsAppDefinition");
                g.writeStringField("id", a.definitionId());
                g.writeStringField("teamsAppId", a.id());
                g.writeStringField("displayName", a.displayName());
                g.writeStringField("version", a.version());
                g.writeStringField("publishingState", a.publishingState());
                g.writeStringField("shortDescription", a.shortDescription());
                g.writeStringField("description", a.description());
                g.writeStringField("lastModifiedDateTime", a.lastModifiedDateTime() == null ? null : a.lastModifiedDateTime().toString());
                g.writeObjectFieldStart("authorization");
                g.writeStringField("clientAppId", a.clientAppId());
                g.writeObjectFieldStart("requiredPermissionSet");
                g.writeArrayFieldStart("resourceSpecificPermissions");
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
                g.writeNullField("createdBy");
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    private static Object appValue(TeamsApp a, String name) {
        return switch (name) {
            case "teamsApp/externalId" -> a.externalId();
            case "teamsApp/id" -> a.id();
            case "teamsApp/displayName" -> a.displayName();
            case "teamsApp/distributionMethod" -> a.distributionMethod();
            default -> throw GraphException.unsupportedQuery("Unsupported filter property '" + name + "' on installedApps.");
        };
    }
}
