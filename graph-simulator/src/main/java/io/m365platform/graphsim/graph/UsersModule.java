package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.Permissions;
import io.m365platform.graphsim.graph.Views.LicenseDetailView;
import io.m365platform.graphsim.graph.Views.UserView;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.OAuth2PermissionGrant;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.EntityTable;
import io.m365platform.graphsim.tenant.LicenseState;
import io.m365platform.graphsim.tenant.Removal;
import io.m365platform.graphsim.tenant.Tenant;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Users: list (select/filter/top/count/expand=manager), get, delta, manager, licenseDetails, per-user consents. */
public final class UsersModule implements SimulatorModule {
    @Override
    public String name() {
        return "users";
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        c.graph("GET", "/v1.0/users", Permissions.USERS_READ, this::list);
        c.graph("GET", "/v1.0/users/{id}", Permissions.USERS_READ, this::get);
        c.graph("GET", "/v1.0/me", Permissions.ME_READ, this::me);
        c.graph("GET", "/v1.0/users/delta", Permissions.USERS_READ, this::delta);
        c.graph("GET", "/v1.0/users/delta()", Permissions.USERS_READ, this::delta);
        c.graph("GET", "/v1.0/users/{id}/manager", Permissions.USERS_READ, this::manager);
        c.graph("GET", "/v1.0/users/{id}/licenseDetails", Permissions.LICENSE_DETAILS_READ, this::licenseDetails);
        c.graph("GET", "/v1.0/users/{id}/oauth2PermissionGrants", Permissions.GRANTS_READ, this::grants);
    }

    /** A live user by id or UPN, or 404 (inside read). */
    static User requireUser(Tenant t, String idOrUpn) {
        User u = t.userTable().get(idOrUpn);
        if (u == null) {
            throw GraphException.notFound(idOrUpn);
        }
        return u;
    }

    private record Page<T>(List<T> items, int next, Long count) {
    }

    /** Graph's page size limit for users lists that select signInActivity (GRAPH_FACTS §4.1). */
    static final int SIGN_IN_ACTIVITY_MAX_TOP = 500;

    /**
     * signInActivity needs AuditLog.Read.All besides a user-read permission: without it Graph answers 403
     * Authorization_RequestDenied for the whole request.
     */
    static void requireSignInActivityAccess(SimRequest req, java.util.Collection<String> select) {
        if (select != null && select.contains(Schemas.SIGN_IN_ACTIVITY)
                && !req.caller().permissions().contains(Permissions.AUDIT_LOG_READ)) {
            throw GraphException.forbidden();
        }
    }

    private static boolean selectsSignInActivity(SimRequest req) {
        String select = req.query("$select");
        if (select == null) {
            return false;
        }
        for (String s : select.split(",")) {
            if (s.trim().equals(Schemas.SIGN_IN_ACTIVITY)) {
                return true;
            }
        }
        return false;
    }

    private void list(SimRequest req, SimResponse res) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, selectsSignInActivity(req) ? SIGN_IN_ACTIVITY_MAX_TOP : 999);
        requireSignInActivityAccess(req, q.select);
        q.requireConsistencyWhenAdvanced(req);
        q.requireFilterable(Schemas.USER);
        List<String> fields = Schemas.USER.resolveSelect(q.select);
        boolean expandManager = q.expands("manager");
        Tenant t = req.tenant();
        int start = Pages.decodePosition("users", q.skipToken);
        Page<UserView> page = t.read(() -> {
            EntityTable<User> users = t.userTable();
            List<UserView> items = new ArrayList<>(Math.min(q.top, 1000));
            int i = start;
            int next = -1;
            for (; i < users.size(); i++) {
                EntityTable.Slot<User> slot = users.slot(i);
                if (!slot.live()) {
                    continue;
                }
                UserView v = q.filter == null ? null : UserView.of(t, slot.value(), false);
                if (v != null && !q.filter.test(name -> Schemas.USER.value(v, name))) {
                    continue;
                }
                if (items.size() == q.top) {
                    next = i;
                    break;
                }
                items.add(v != null && !expandManager ? v : UserView.of(t, slot.value(), expandManager, fields));
            }
            Long count = null;
            if (q.count && q.skipToken == null) {
                long n = 0;
                for (int k = 0; k < users.size(); k++) {
                    EntityTable.Slot<User> slot = users.slot(k);
                    if (slot.live() && (q.filter == null || q.filter.test(name -> Schemas.USER.value(UserView.of(t, slot.value(), false), name)))) {
                        n++;
                    }
                }
                count = n;
            }
            return new Page<>(items, next, count);
        });
        String nextLink = page.next() < 0 ? null : Pages.linkWith(req, "$skiptoken", Pages.encodePosition("users", page.next()));
        Pages.write(req, res, q.select == null ? "users" : "users(" + String.join(",", q.select) + ")", page.count(), nextLink, null,
                page.items(), (g, v) -> writeUser(g, v, fields, expandManager));
    }

    static void writeUser(JsonGenerator g, UserView v, List<String> fields, boolean expandManager) throws IOException {
        g.writeStartObject();
        Schemas.USER.writeFields(g, v, fields);
        if (expandManager && v.manager() != null) {
            g.writeObjectFieldStart("manager");
            g.writeStringField("@odata.type", "#microsoft.graph.user");
            g.writeStringField("id", v.manager().id());
            g.writeStringField("displayName", v.manager().displayName());
            g.writeStringField("userPrincipalName", v.manager().userPrincipalName());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void get(SimRequest req, SimResponse res) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        requireSignInActivityAccess(req, q.select);
        List<String> fields = Schemas.USER.resolveSelect(q.select);
        boolean expandManager = q.expands("manager");
        Tenant t = req.tenant();
        UserView v = t.read(() -> UserView.of(t, requireUser(t, req.pathVariable("id")), expandManager));
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", Pages.context(req, "users/$entity"));
            Schemas.USER.writeFields(g, v, fields);
            if (expandManager && v.manager() != null) {
                g.writeObjectFieldStart("manager");
                g.writeStringField("@odata.type", "#microsoft.graph.user");
                g.writeStringField("id", v.manager().id());
                g.writeStringField("displayName", v.manager().displayName());
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    /** The signed-in user of a delegated token. */
    private void me(SimRequest req, SimResponse res) throws IOException {
        if (!req.caller().delegated()) {
            throw GraphException.badRequest("/me request is only valid with delegated authentication flow.");
        }
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        requireSignInActivityAccess(req, q.select);
        List<String> fields = Schemas.USER.resolveSelect(q.select);
        Tenant t = req.tenant();
        UserView v = t.read(() -> UserView.of(t, requireUser(t, req.caller().userId()), false));
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", Pages.context(req, "users/$entity"));
            Schemas.USER.writeFields(g, v, fields);
            g.writeEndObject();
        });
    }

    private void manager(SimRequest req, SimResponse res) throws IOException {
        ODataQuery q = ODataQuery.parse(req, 100, 999);
        requireSignInActivityAccess(req, q.select);
        List<String> fields = Schemas.USER.resolveSelect(q.select);
        Tenant t = req.tenant();
        UserView v = t.read(() -> {
            User u = requireUser(t, req.pathVariable("id"));
            User m = u.managerId() == null ? null : t.userTable().get(u.managerId());
            if (m == null) {
                throw GraphException.notFound("manager");
            }
            return UserView.of(t, m, false);
        });
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", Pages.context(req, "directoryObjects/$entity"));
            g.writeStringField("@odata.type", "#microsoft.graph.user");
            Schemas.USER.writeFields(g, v, fields);
            g.writeEndObject();
        });
    }

    private void licenseDetails(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        String[] userId = new String[1];
        List<LicenseDetailView> views = t.read(() -> {
            User u = requireUser(t, req.pathVariable("id"));
            userId[0] = u.id();
            List<LicenseDetailView> result = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (LicenseState s : t.licenseStates(u)) {
                Sku sku = t.skuMap().get(s.skuId());
                if (sku != null && seen.add(s.skuId())) {
                    result.add(new LicenseDetailView(u.id(), s, sku));
                }
            }
            return result;
        });
        List<String> fields = Schemas.LICENSE_DETAILS.resolveSelect(ODataQuery.parse(req, 100, 999).select);
        Pages.write(req, res, "users('" + userId[0] + "')/licenseDetails", null, null, null, views,
                (g, v) -> Schemas.LICENSE_DETAILS.write(g, v, fields, false));
    }

    private void grants(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        List<OAuth2PermissionGrant> grants = t.read(() -> {
            User u = requireUser(t, req.pathVariable("id"));
            List<OAuth2PermissionGrant> result = new ArrayList<>();
            for (OAuth2PermissionGrant g : t.permissionGrantList()) {
                if (u.id().equals(g.principalId())) {
                    result.add(g);
                }
            }
            return result;
        });
        List<String> fields = Schemas.PERMISSION_GRANT.resolveSelect(null);
        Pages.write(req, res, "oauth2PermissionGrants", null, null, null, grants, (g, v) -> Schemas.PERMISSION_GRANT.write(g, v, fields, false));
    }

    // ------------------------------------------------------------------ delta

    private record DeltaItem(String id, Removal removal, UserView view, Set<String> changed) {
    }

    private record DeltaPage(List<DeltaItem> items, int next) {
    }

    private void delta(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        if (selectsSignInActivity(req)) {
            // Graph does not track signInActivity in users delta (GRAPH_FACTS §3.6: assumed unsupported)
            throw GraphException.unsupportedQuery("Property 'signInActivity' is not supported in delta queries: "
                    + "read it with GET /users?$select=id,signInActivity.");
        }
        DeltaRequest d = DeltaRequest.parse(req, "users", t, Schemas.USER);
        DeltaToken token = d.token;
        String path = req.exchange().getRequestURI().getRawPath();
        String linkBase = req.baseUrl() + path;
        if (d.latestOnly) {
            Pages.write(req, res, "users", null, null, linkBase + "?$deltatoken=" + token.encode(), List.<DeltaItem>of(), (g, i) -> {
            });
            return;
        }
        Set<String> tracked = trackedProperties(token.select());
        List<String> fields = token.select() == null ? Schemas.USER.resolveSelect(null)
                : Schemas.USER.resolveSelect(withoutNavigation(token.select()));
        boolean withManager = token.select() != null && token.select().contains("manager");
        DeltaPage page = t.read(() -> {
            EntityTable<User> users = t.userTable();
            List<DeltaItem> items = new ArrayList<>();
            int i = token.position();
            int next = -1;
            for (; i < users.size(); i++) {
                EntityTable.Slot<User> slot = users.slot(i);
                User u = slot.value();
                if (token.ids() != null && !token.ids().contains(u.id())) {
                    continue;
                }
                boolean initial = token.baseSeq() < 0;
                if (initial ? !slot.live() : !slot.changedSince(token.baseSeq(), slot.live() ? tracked : null)) {
                    continue;
                }
                if (items.size() == d.pageSize) {
                    next = i;
                    break;
                }
                if (slot.live()) {
                    items.add(new DeltaItem(u.id(), Removal.NONE, UserView.of(t, u, withManager),
                            initial ? null : slot.propertiesChangedSince(token.baseSeq())));
                } else {
                    items.add(new DeltaItem(u.id(), slot.removal(), null, null));
                }
            }
            return new DeltaPage(items, next);
        });
        String nextLink = page.next() < 0 ? null : linkBase + "?$skiptoken=" + token.at(page.next()).encode();
        String deltaLink = page.next() < 0 ? linkBase + "?$deltatoken=" + token.nextRound(t.now()).encode() : null;
        Pages.write(req, res, "users", null, nextLink, deltaLink, page.items(), (g, item) -> {
            g.writeStartObject();
            if (item.removal() != Removal.NONE) {
                g.writeStringField("id", item.id());
                g.writeObjectFieldStart("@removed");
                g.writeStringField("reason", item.removal().reason());
                g.writeEndObject();
            } else {
                List<String> out = fields;
                if (d.minimal && item.changed() != null) {
                    out = new ArrayList<>();
                    out.add("id");
                    for (String f : fields) {
                        if (item.changed().contains(f)) {
                            out.add(f);
                        }
                    }
                }
                Schemas.USER.writeFields(g, item.view(), out);
                if (withManager && (!d.minimal || item.changed() == null || item.changed().contains("manager"))) {
                    g.writeArrayFieldStart("manager@delta");
                    if (item.view().manager() != null) {
                        g.writeStartObject();
                        g.writeStringField("@odata.type", "#microsoft.graph.user");
                        g.writeStringField("id", item.view().manager().id());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        });
    }

    private static Set<String> withoutNavigation(Set<String> select) {
        Set<String> s = new java.util.LinkedHashSet<>(select);
        s.remove("manager");
        return s;
    }

    /** Selected properties as the tenant tracks them (null = any change counts). */
    private static Set<String> trackedProperties(Set<String> select) {
        if (select == null) {
            return null;
        }
        Set<String> tracked = new HashSet<>(select);
        if (select.contains("assignedLicenses") || select.contains("licenseAssignmentStates")) {
            tracked.add("assignedLicenses");
            tracked.add("licenseAssignmentStates");
        }
        return tracked;
    }
}
