package io.m365platform.graphsim.graph;

import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.Permissions;
import io.m365platform.graphsim.graph.Views.OrganizationView;
import io.m365platform.graphsim.graph.Views.RoleView;
import io.m365platform.graphsim.graph.Views.SkuView;
import io.m365platform.graphsim.graph.Views.UserView;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.DirectoryRole;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.OAuth2PermissionGrant;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.ServicePrincipal;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.Catalog;
import io.m365platform.graphsim.tenant.EntityTable;
import io.m365platform.graphsim.tenant.MemberChange;
import io.m365platform.graphsim.tenant.Removal;
import io.m365platform.graphsim.tenant.Tenant;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Directory reads besides users: subscribedSkus, groups (+ members, transitiveMembers, owners, delta),
 * directoryRoles (+ members), roleManagement definitions and assignments, organization, servicePrincipals,
 * oauth2PermissionGrants, admin/reportSettings.
 */
public final class DirectoryModule implements SimulatorModule {
    @Override
    public String name() {
        return "directory";
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        c.graph("GET", "/v1.0/subscribedSkus", Permissions.ORGANIZATION_READ, this::subscribedSkus);
        c.graph("GET", "/v1.0/groups", Permissions.GROUPS_READ, this::groups);
        c.graph("GET", "/v1.0/groups/{id}", Permissions.GROUPS_READ, this::group);
        c.graph("GET", "/v1.0/groups/{id}/members", Permissions.GROUPS_READ, (q, r) -> members(q, r, false));
        c.graph("GET", "/v1.0/groups/{id}/transitiveMembers", Permissions.GROUPS_READ, (q, r) -> members(q, r, true));
        c.graph("GET", "/v1.0/groups/{id}/owners", Permissions.GROUPS_READ, this::owners);
        c.graph("GET", "/v1.0/groups/delta", Permissions.GROUPS_READ, this::groupsDelta);
        c.graph("GET", "/v1.0/groups/delta()", Permissions.GROUPS_READ, this::groupsDelta);
        c.graph("GET", "/v1.0/directoryRoles", Permissions.ROLES_READ, this::directoryRoles);
        c.graph("GET", "/v1.0/directoryRoles/{id}", Permissions.ROLES_READ, this::directoryRole);
        c.graph("GET", "/v1.0/directoryRoles/{id}/members", Permissions.ROLES_READ, this::directoryRoleMembers);
        c.graph("GET", "/v1.0/roleManagement/directory/roleDefinitions", Permissions.ROLES_READ, this::roleDefinitions);
        c.graph("GET", "/v1.0/roleManagement/directory/roleDefinitions/{id}", Permissions.ROLES_READ, this::roleDefinition);
        c.graph("GET", "/v1.0/roleManagement/directory/roleAssignments", Permissions.ROLES_READ, this::roleAssignments);
        c.graph("GET", "/v1.0/organization", Permissions.ORGANIZATION_READ, this::organization);
        c.graph("GET", "/v1.0/organization/{id}", Permissions.ORGANIZATION_READ, this::organization);
        c.graph("GET", "/v1.0/servicePrincipals", Permissions.SERVICE_PRINCIPALS_READ, this::servicePrincipals);
        c.graph("GET", "/v1.0/servicePrincipals/{id}", Permissions.SERVICE_PRINCIPALS_READ, this::servicePrincipal);
        c.graph("GET", "/v1.0/servicePrincipals/{id}/appRoleAssignments", Permissions.SERVICE_PRINCIPALS_READ, this::appRoleAssignments);
        c.graph("GET", "/v1.0/oauth2PermissionGrants", Permissions.GRANTS_READ, this::permissionGrants);
        c.graph("GET", "/v1.0/admin/reportSettings", Permissions.REPORT_SETTINGS_READ, this::reportSettings);
        c.graph("PATCH", "/v1.0/admin/reportSettings", Permissions.REPORT_SETTINGS_WRITE, this::updateReportSettings);
    }

    // ------------------------------------------------------------------ generic list of values

    /** Pages a list (captured under the read lock) with $select/$filter/$top/$count and positional skip tokens. */
    private static <T> void page(SimRequest req, SimResponse res, String kind, String context, EntitySchema<T> schema,
                                 List<T> all, int defaultTop, boolean pageable) throws IOException {
        ODataQuery q = ODataQuery.parse(req, defaultTop, 999);
        q.requireConsistencyWhenAdvanced(req);
        q.requireFilterable(schema);
        List<String> fields = schema.resolveSelect(q.select);
        List<T> matching = all;
        if (q.filter != null) {
            matching = new ArrayList<>();
            for (T item : all) {
                if (q.filter.test(name -> schema.value(item, name))) {
                    matching.add(item);
                }
            }
        }
        int start = Pages.decodePosition(kind, q.skipToken);
        int end = pageable ? Math.min(matching.size(), start + q.top) : matching.size();
        List<T> items = start >= matching.size() ? List.of() : matching.subList(start, end);
        String nextLink = end < matching.size() ? Pages.linkWith(req, "$skiptoken", Pages.encodePosition(kind, end)) : null;
        Long count = q.count && q.skipToken == null ? (long) matching.size() : null;
        Pages.write(req, res, context, count, nextLink, null, items, (g, v) -> schema.write(g, v, fields, false));
    }

    // ------------------------------------------------------------------ licenses, organization, settings

    private void subscribedSkus(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        if (req.query("$filter") != null) {
            throw GraphException.badRequest("Filter expressions are not supported on subscribedSkus.");
        }
        List<SkuView> views = t.read(() -> {
            Map<String, Integer> consumed = t.consumedUnits();
            List<SkuView> result = new ArrayList<>();
            for (Sku s : t.skuMap().values()) {
                result.add(new SkuView(s, consumed.getOrDefault(s.skuId(), 0), t.id(), t.organization().displayName()));
            }
            return result;
        });
        page(req, res, "skus", "subscribedSkus", Schemas.SUBSCRIBED_SKU, views, 999, false);
    }

    private void organization(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        OrganizationView view = t.read(() -> {
            User admin = t.adminUserId() == null ? null : t.userTable().get(t.adminUserId());
            return new OrganizationView(t.id(), t.organization(), List.copyOf(t.skuMap().values()), admin == null ? null : admin.mail());
        });
        String id = req.pathVariables().get("id");
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        List<String> fields = Schemas.ORGANIZATION.resolveSelect(q.select);
        if (id != null) {
            if (!id.equalsIgnoreCase(t.id())) {
                throw GraphException.notFound(id);
            }
            Pages.single(req, res, "organization/$entity", g -> Schemas.ORGANIZATION.writeFields(g, view, fields));
            return;
        }
        Pages.write(req, res, "organization", null, null, null, List.of(view), (g, v) -> Schemas.ORGANIZATION.write(g, v, fields, false));
    }

    private void reportSettings(SimRequest req, SimResponse res) throws IOException {
        boolean conceal = req.tenant().displayConcealedNames();
        Pages.single(req, res, "admin/reportSettings/$entity", g -> g.writeBooleanField("displayConcealedNames", conceal));
    }

    private void updateReportSettings(SimRequest req, SimResponse res) throws IOException {
        var body = req.bodyJson();
        var value = body.get("displayConcealedNames");
        if (value == null || !value.isBoolean()) {
            throw GraphException.badRequest("displayConcealedNames must be a boolean.");
        }
        req.tenant().displayConcealedNames(value.booleanValue());
        res.empty(204);
    }

    // ------------------------------------------------------------------ groups

    private void groups(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        List<Group> all = t.read(() -> t.groupTable().liveValues());
        page(req, res, "groups", "groups", Schemas.GROUP, all, 100, true);
    }

    static Group requireGroup(Tenant t, String id) {
        Group g = t.groupTable().get(id);
        if (g == null) {
            throw GraphException.notFound(id);
        }
        return g;
    }

    private void group(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        Group g = t.read(() -> requireGroup(t, req.pathVariable("id")));
        List<String> fields = Schemas.GROUP.resolveSelect(ODataQuery.parse(req, 100, 999).select);
        Pages.single(req, res, "groups/$entity", gen -> Schemas.GROUP.writeFields(gen, g, fields));
    }

    /** A directory object to serialise as a member: a user or a group. */
    record DirectoryObject(UserView user, Group group) {
        String id() {
            return user != null ? user.user().id() : group.id();
        }
    }

    static DirectoryObject resolve(Tenant t, String id) {
        User u = t.userTable().get(id);
        if (u != null) {
            return new DirectoryObject(UserView.of(t, u, false), null);
        }
        Group g = t.groupTable().get(id);
        return g == null ? null : new DirectoryObject(null, g);
    }

    static void writeDirectoryObject(com.fasterxml.jackson.core.JsonGenerator g, DirectoryObject o, java.util.Set<String> select) throws IOException {
        if (o.user() != null) {
            Schemas.USER.write(g, o.user(), Schemas.USER.resolveSelect(filterKnown(select, Schemas.USER)), true);
        } else {
            Schemas.GROUP.write(g, o.group(), Schemas.GROUP.resolveSelect(filterKnown(select, Schemas.GROUP)), true);
        }
    }

    /** $select over mixed directory objects: each type gets the selected properties it has. */
    private static java.util.Set<String> filterKnown(java.util.Set<String> select, EntitySchema<?> schema) {
        if (select == null) {
            return null;
        }
        java.util.Set<String> r = new java.util.LinkedHashSet<>();
        for (String s : select) {
            if (schema.propertyNames().contains(s)) {
                r.add(s);
            }
        }
        return r;
    }

    private void members(SimRequest req, SimResponse res, boolean transitive) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        q.requireConsistencyWhenAdvanced(req);
        Tenant t = req.tenant();
        String kind = transitive ? "tmembers" : "members";
        int start = Pages.decodePosition(kind, q.skipToken);
        String[] groupId = new String[1];
        record Result(List<DirectoryObject> items, int next, int total) {
        }
        Result r = t.read(() -> {
            Group g = requireGroup(t, req.pathVariable("id"));
            groupId[0] = g.id();
            List<String> ids = transitive ? transitiveMemberIds(t, g) : g.members();
            List<DirectoryObject> items = new ArrayList<>();
            int i = start;
            for (; i < ids.size() && items.size() < q.top; i++) {
                DirectoryObject o = resolve(t, ids.get(i));
                if (o != null) {
                    items.add(o);
                }
            }
            return new Result(items, i < ids.size() ? i : -1, ids.size());
        });
        String nextLink = r.next() < 0 ? null : Pages.linkWith(req, "$skiptoken", Pages.encodePosition(kind, r.next()));
        Long count = q.count && q.skipToken == null ? (long) r.total() : null;
        Pages.write(req, res, "directoryObjects", count, nextLink, null, r.items(), (g, o) -> writeDirectoryObject(g, o, q.select));
    }

    /** Members of a group and of all nested groups, each once; nested groups themselves are included. */
    static List<String> transitiveMemberIds(Tenant t, Group root) {
        Set<String> seen = new java.util.LinkedHashSet<>();
        Set<String> visitedGroups = new HashSet<>();
        Deque<Group> queue = new ArrayDeque<>();
        queue.add(root);
        visitedGroups.add(root.id());
        while (!queue.isEmpty()) {
            Group g = queue.poll();
            for (String m : g.members()) {
                if (seen.add(m)) {
                    Group nested = t.groupTable().get(m);
                    if (nested != null && visitedGroups.add(nested.id())) {
                        queue.add(nested);
                    }
                }
            }
        }
        return new ArrayList<>(seen);
    }

    private void owners(SimRequest req, SimResponse res) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        Tenant t = req.tenant();
        List<DirectoryObject> owners = t.read(() -> {
            Group g = requireGroup(t, req.pathVariable("id"));
            List<DirectoryObject> result = new ArrayList<>();
            for (String o : g.owners()) {
                DirectoryObject d = resolve(t, o);
                if (d != null) {
                    result.add(d);
                }
            }
            return result;
        });
        Pages.write(req, res, "directoryObjects", null, null, null, owners, (g, o) -> writeDirectoryObject(g, o, q.select));
    }

    // ------------------------------------------------------------------ groups delta

    /** members@delta entries per group item; larger memberships continue in another item of the same group. */
    static final int MEMBERS_PER_ITEM = 500;

    private record GroupDeltaItem(Group group, Removal removal, String id, List<MemberChange> members, Map<String, String> memberTypes) {
    }

    private void groupsDelta(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        DeltaRequest d = DeltaRequest.parse(req, "groups", t, Schemas.GROUP);
        DeltaToken token = d.token;
        String linkBase = req.baseUrl() + req.exchange().getRequestURI().getRawPath();
        if (d.latestOnly) {
            Pages.write(req, res, "groups", null, null, linkBase + "?$deltatoken=" + token.encode(), List.<GroupDeltaItem>of(), (g, i) -> {
            });
            return;
        }
        boolean withMembers = token.select() == null || token.select().contains("members");
        Set<String> selected = token.select() == null ? null : new java.util.LinkedHashSet<>(token.select());
        if (selected != null) {
            selected.remove("members");
        }
        List<String> fields = Schemas.GROUP.resolveSelect(selected);
        Set<String> tracked = token.select();
        record Page(List<GroupDeltaItem> items, int next, int nextMemberOffset) {
        }
        Page page = t.read(() -> {
            EntityTable<Group> groups = t.groupTable();
            List<GroupDeltaItem> items = new ArrayList<>();
            int i = token.position();
            int next = -1;
            int nextOffset = 0;
            boolean initial = token.baseSeq() < 0;
            scan:
            for (; i < groups.size(); i++) {
                EntityTable.Slot<Group> slot = groups.slot(i);
                Group g = slot.value();
                if (token.ids() != null && !token.ids().contains(g.id())) {
                    continue;
                }
                if (initial ? !slot.live() : !slot.changedSince(token.baseSeq(), slot.live() ? tracked : null)) {
                    continue;
                }
                if (items.size() == d.pageSize) {
                    next = i;
                    break;
                }
                if (!slot.live()) {
                    items.add(new GroupDeltaItem(null, slot.removal(), g.id(), null, null));
                    continue;
                }
                int from = i == token.position() ? token.memberOffset() : 0;
                List<MemberChange> changes = null;
                Map<String, String> types = new LinkedHashMap<>();
                if (withMembers) {
                    if (initial || slot.createdSeq() > token.baseSeq()) {
                        List<String> members = g.members();
                        long created = slot.createdSeq();
                        changes = new java.util.AbstractList<>() { // a view: no copy of a million-member list per page
                            @Override
                            public MemberChange get(int index) {
                                return new MemberChange(created, members.get(index), false);
                            }

                            @Override
                            public int size() {
                                return members.size();
                            }
                        };
                    } else {
                        changes = new ArrayList<>();
                        Map<String, MemberChange> last = new LinkedHashMap<>();
                        for (MemberChange c : t.memberChanges(g.id())) {
                            if (c.seq() > token.baseSeq()) {
                                last.put(c.memberId(), c);
                            }
                        }
                        changes.addAll(last.values());
                    }
                }
                // Like Graph, a large membership is spread over several items of the same group (across pages)
                while (true) {
                    List<MemberChange> chunk = changes == null ? null
                            : changes.subList(Math.min(from, changes.size()), Math.min(changes.size(), from + MEMBERS_PER_ITEM));
                    if (chunk != null) {
                        for (MemberChange c : chunk) {
                            types.put(c.memberId(), t.groupTable().findAny(c.memberId()) != null ? "#microsoft.graph.group" : "#microsoft.graph.user");
                        }
                    }
                    items.add(new GroupDeltaItem(g, Removal.NONE, g.id(), chunk == null ? null : List.copyOf(chunk), types));
                    from += MEMBERS_PER_ITEM;
                    if (changes == null || from >= changes.size()) {
                        break;
                    }
                    if (items.size() == d.pageSize) {
                        next = i;
                        nextOffset = from;
                        break scan;
                    }
                }
            }
            return new Page(items, next, nextOffset);
        });
        String nextLink = page.next() < 0 ? null : linkBase + "?$skiptoken=" + token.at(page.next(), page.nextMemberOffset()).encode();
        String deltaLink = page.next() < 0 ? linkBase + "?$deltatoken=" + token.nextRound(t.now()).encode() : null;
        Pages.write(req, res, "groups", null, nextLink, deltaLink, page.items(), (g, item) -> {
            g.writeStartObject();
            if (item.removal() != Removal.NONE) {
                g.writeStringField("id", item.id());
                g.writeObjectFieldStart("@removed");
                g.writeStringField("reason", item.removal().reason());
                g.writeEndObject();
            } else {
                Schemas.GROUP.writeFields(g, item.group(), fields);
                if (item.members() != null) {
                    g.writeArrayFieldStart("members@delta");
                    for (MemberChange c : item.members()) {
                        g.writeStartObject();
                        g.writeStringField("@odata.type", item.memberTypes().get(c.memberId()));
                        g.writeStringField("id", c.memberId());
                        if (c.removed()) {
                            g.writeObjectFieldStart("@removed");
                            g.writeStringField("reason", "deleted");
                            g.writeEndObject();
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        });
    }

    // ------------------------------------------------------------------ roles

    private static List<RoleView> roleViews(Tenant t) {
        List<RoleView> result = new ArrayList<>();
        for (DirectoryRole r : t.directoryRoleList()) {
            Catalog.RoleTemplate template = Catalog.roleTemplate(r.roleTemplateId());
            if (template != null) {
                result.add(new RoleView(r, template));
            }
        }
        return result;
    }

    private void directoryRoles(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        List<RoleView> roles = t.read(() -> roleViews(t));
        page(req, res, "roles", "directoryRoles", Schemas.DIRECTORY_ROLE, roles, 999, false);
    }

    private static RoleView requireRole(Tenant t, String id) {
        for (RoleView v : roleViews(t)) {
            if (v.role().id().equalsIgnoreCase(id)) {
                return v;
            }
        }
        throw GraphException.notFound(id);
    }

    private void directoryRole(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        RoleView v = t.read(() -> requireRole(t, req.pathVariable("id")));
        List<String> fields = Schemas.DIRECTORY_ROLE.resolveSelect(ODataQuery.parse(req, 100, 999).select);
        Pages.single(req, res, "directoryRoles/$entity", g -> Schemas.DIRECTORY_ROLE.writeFields(g, v, fields));
    }

    private void directoryRoleMembers(SimRequest req, SimResponse res) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        Tenant t = req.tenant();
        List<DirectoryObject> members = t.read(() -> {
            RoleView role = requireRole(t, req.pathVariable("id"));
            List<DirectoryObject> result = new ArrayList<>();
            for (RoleAssignment a : t.roleAssignmentList()) {
                if (a.roleDefinitionId().equalsIgnoreCase(role.role().roleTemplateId()) && "/".equals(a.directoryScopeId())) {
                    DirectoryObject o = resolve(t, a.principalId());
                    if (o != null) {
                        result.add(o);
                    }
                }
            }
            return result;
        });
        Pages.write(req, res, "directoryObjects", null, null, null, members, (g, o) -> writeDirectoryObject(g, o, q.select));
    }

    private void roleDefinitions(SimRequest req, SimResponse res) throws IOException {
        page(req, res, "roledefs", "roleManagement/directory/roleDefinitions", Schemas.ROLE_DEFINITION, Catalog.ROLE_TEMPLATES, 999, true);
    }

    private void roleDefinition(SimRequest req, SimResponse res) throws IOException {
        Catalog.RoleTemplate template = Catalog.roleTemplate(req.pathVariable("id"));
        if (template == null) {
            throw GraphException.notFound(req.pathVariable("id"));
        }
        List<String> fields = Schemas.ROLE_DEFINITION.resolveSelect(ODataQuery.parse(req, 100, 999).select);
        Pages.single(req, res, "roleManagement/directory/roleDefinitions/$entity", g -> Schemas.ROLE_DEFINITION.writeFields(g, template, fields));
    }

    private void roleAssignments(SimRequest req, SimResponse res) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        q.requireFilterable(Schemas.ROLE_ASSIGNMENT);
        Tenant t = req.tenant();
        boolean expandPrincipal = q.expands("principal");
        List<String> fields = Schemas.ROLE_ASSIGNMENT.resolveSelect(q.select);
        record Row(RoleAssignment a, DirectoryObject principal) {
        }
        List<Row> rows = t.read(() -> {
            List<Row> result = new ArrayList<>();
            for (RoleAssignment a : t.roleAssignmentList()) {
                if (q.filter == null || q.filter.test(name -> Schemas.ROLE_ASSIGNMENT.value(a, name))) {
                    result.add(new Row(a, expandPrincipal ? resolve(t, a.principalId()) : null));
                }
            }
            return result;
        });
        int start = Pages.decodePosition("roleassign", q.skipToken);
        int end = Math.min(rows.size(), start + q.top);
        List<Row> items = start >= rows.size() ? List.of() : rows.subList(start, end);
        String nextLink = end < rows.size() ? Pages.linkWith(req, "$skiptoken", Pages.encodePosition("roleassign", end)) : null;
        Pages.write(req, res, "roleManagement/directory/roleAssignments", null, nextLink, null, items, (g, row) -> {
            g.writeStartObject();
            Schemas.ROLE_ASSIGNMENT.writeFields(g, row.a(), fields);
            if (expandPrincipal && row.principal() != null) {
                g.writeFieldName("principal");
                writeDirectoryObject(g, row.principal(), null);
            }
            g.writeEndObject();
        });
    }

    // ------------------------------------------------------------------ apps and consents

    private void servicePrincipals(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        List<ServicePrincipal> all = t.read(() -> t.servicePrincipalTable().liveValues());
        page(req, res, "sps", "servicePrincipals", Schemas.SERVICE_PRINCIPAL, all, 100, true);
    }

    private void servicePrincipal(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        ServicePrincipal sp = t.read(() -> {
            ServicePrincipal s = t.servicePrincipalTable().get(req.pathVariable("id"));
            if (s == null) {
                throw GraphException.notFound(req.pathVariable("id"));
            }
            return s;
        });
        List<String> fields = Schemas.SERVICE_PRINCIPAL.resolveSelect(ODataQuery.parse(req, 100, 999).select);
        Pages.single(req, res, "servicePrincipals/$entity", g -> Schemas.SERVICE_PRINCIPAL.writeFields(g, sp, fields));
    }

    /** Application permissions granted to a service principal, with the names of principal and resource. */
    private void appRoleAssignments(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        String[] spId = new String[1];
        List<Views.AppRoleAssignmentView> all = t.read(() -> {
            ServicePrincipal sp = t.servicePrincipalTable().get(req.pathVariable("id"));
            if (sp == null) {
                throw GraphException.notFound(req.pathVariable("id"));
            }
            spId[0] = sp.id();
            List<Views.AppRoleAssignmentView> out = new ArrayList<>();
            for (io.m365platform.graphsim.model.AppRoleAssignment a : t.appRoleAssignmentList()) {
                if (a.principalId().equals(sp.id())) {
                    ServicePrincipal resource = t.servicePrincipalTable().get(a.resourceId());
                    out.add(new Views.AppRoleAssignmentView(a, sp.displayName(), resource == null ? null : resource.displayName()));
                }
            }
            return out;
        });
        page(req, res, "ara", "servicePrincipals('" + spId[0] + "')/appRoleAssignments", Schemas.APP_ROLE_ASSIGNMENT, all, 100, true);
    }

    private void permissionGrants(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        List<OAuth2PermissionGrant> all = t.read(() -> List.copyOf(t.permissionGrantList()));
        page(req, res, "grants", "oauth2PermissionGrants", Schemas.PERMISSION_GRANT, all, 100, true);
    }
}
