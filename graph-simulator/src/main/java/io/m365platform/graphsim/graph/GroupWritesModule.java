package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.WritePermissions;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.tenant.Tenant;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Group membership writes (GRAPH_FACTS §6): add a member by {@code $ref} (204; already a member → 400
 * Request_BadRequest "One or more added object references already exist…"; unknown object → 404), remove one
 * (204), and PATCH with {@code members@odata.bind} (up to 20, all or nothing) plus displayName/description.
 */
public final class GroupWritesModule implements SimulatorModule {
    static final int MAX_BIND = 20;

    @Override
    public String name() {
        return "group-writes";
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        c.graph("POST", "/v1.0/groups/{id}/members/$ref", WritePermissions.GROUP_MEMBERS_WRITE, this::addMember);
        c.graph("DELETE", "/v1.0/groups/{id}/members/{memberId}/$ref", WritePermissions.GROUP_MEMBERS_WRITE, this::removeMember);
        c.graph("PATCH", "/v1.0/groups/{id}", WritePermissions.GROUP_MEMBERS_WRITE, this::patch);
    }

    private void addMember(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        String memberId = ODataRefs.id(UserWritesModule.object(req.bodyJson()), "@odata.id");
        t.groups().addMember(requireGroup(t, req.pathVariable("id")).id(), memberId);
        res.empty(204);
    }

    private void removeMember(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        t.groups().removeMember(requireGroup(t, req.pathVariable("id")).id(), req.pathVariable("memberId"));
        res.empty(204);
    }

    private void patch(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        JsonNode b = UserWritesModule.object(req.bodyJson());
        Group g = requireGroup(t, req.pathVariable("id"));
        boolean scalar = false;
        for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.startsWith("@odata.")) {
                continue;
            }
            switch (f) {
                case "members@odata.bind" -> {
                }
                case "displayName", "description" -> scalar = true;
                default -> throw GraphException.badRequest("Property '" + f + "' is not supported on microsoft.graph.group by the simulator "
                        + "(supported: displayName, description, members@odata.bind).");
            }
        }
        if (scalar && !req.caller().hasAny(WritePermissions.GROUP_WRITE.application())) {
            throw GraphException.forbidden(); // GroupMember.ReadWrite.All changes members only
        }
        List<String> bind = new ArrayList<>();
        JsonNode members = b.get("members@odata.bind");
        if (members != null) {
            if (!members.isArray()) {
                throw GraphException.badRequest("members@odata.bind must be an array of directory object URLs.");
            }
            if (members.size() > MAX_BIND) {
                throw GraphException.badRequest("Up to " + MAX_BIND + " members can be added in a single request (got " + members.size() + ").");
            }
            Set<String> ids = new LinkedHashSet<>();
            for (JsonNode m : members) {
                ids.add(ODataRefs.trailingId(m.asText()));
            }
            // all or nothing: every object must exist and none may be a member already
            t.read(() -> {
                Group current = t.groupTable().get(g.id());
                for (String id : ids) {
                    String resolved = resolveId(t, id);
                    if (current.members().contains(resolved)) {
                        throw GraphException.badRequest("One or more added object references already exist for the following modified properties: 'members'.");
                    }
                }
                return null;
            });
            bind.addAll(ids);
        }
        if (scalar) {
            t.groups().update(g.id(), old -> new Group(old.id(), b.has("displayName") ? text(b, "displayName") : old.displayName(),
                    b.has("description") ? nullableText(b, "description") : old.description(), old.mail(), old.mailNickname(),
                    old.mailEnabled(), old.securityEnabled(), old.groupTypes(), old.membershipRule(),
                    old.membershipRuleProcessingState(), old.visibility(), old.createdDateTime(), old.resourceProvisioningOptions(),
                    old.assignedLicenses(), old.members(), old.owners()));
        }
        for (String id : bind) {
            t.groups().addMember(g.id(), id);
        }
        res.empty(204);
    }

    private static String resolveId(Tenant t, String id) {
        var u = t.userTable().get(id);
        if (u != null) {
            return u.id();
        }
        var grp = t.groupTable().get(id);
        if (grp != null) {
            return grp.id();
        }
        throw GraphException.notFound(id);
    }

    private static Group requireGroup(Tenant t, String id) {
        return t.read(() -> DirectoryModule.requireGroup(t, id));
    }

    private static String text(JsonNode b, String f) {
        JsonNode v = b.get(f);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw GraphException.badRequest("Invalid value specified for property '" + f + "' of resource 'Group'.");
        }
        return v.asText();
    }

    private static String nullableText(JsonNode b, String f) {
        JsonNode v = b.get(f);
        return v == null || v.isNull() ? null : text(b, f);
    }
}
