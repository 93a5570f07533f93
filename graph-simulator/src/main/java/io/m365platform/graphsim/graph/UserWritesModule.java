package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.auth.Caller;
import io.m365platform.graphsim.auth.WritePermissions;
import io.m365platform.graphsim.graph.Views.UserView;
import io.m365platform.graphsim.http.ControlException;
import io.m365platform.graphsim.http.GraphException;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.ServicePlan;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppRegistration;
import io.m365platform.graphsim.tenant.Catalog;
import io.m365platform.graphsim.tenant.DirectoryRoleOperations;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantException;

import java.io.IOException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * User write actions (GRAPH_FACTS §6): create (201), update (204) including accountEnabled, userType and
 * passwordProfile, delete (204), manager {@code $ref} PUT/DELETE (204), revokeSignInSessions (200 {"value":true}),
 * assignLicense (200 + user). Every change goes through the tenant's user operations, so later reads and
 * users/delta show it. Control API: {@code GET|POST /_sim/tenants/{t}/apps/{clientId}/directoryRoles} and
 * {@code DELETE …/directoryRoles/{roleTemplateId}} give an app's service principal a directory role.
 */
public final class UserWritesModule implements SimulatorModule {
    /** Characters Entra accepts in the local part of a userPrincipalName. */
    private static final Pattern UPN_LOCAL = Pattern.compile("[A-Za-z0-9'.\\-_!#^~]{1,64}");
    private static final Pattern MAIL_NICKNAME = Pattern.compile("[A-Za-z0-9'.\\-_!#^~%&*+/=?`{|}$]{1,64}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    /** Properties whose change on an administrator needs a privileged role on the caller (GRAPH_FACTS §6 notes). */
    private static final Set<String> SENSITIVE = Set.of("accountEnabled", "passwordProfile", "mobilePhone", "businessPhones");
    static final Set<String> PASSWORD_RESET_ROLES = Set.of(Catalog.USER_ADMIN.templateId(), Catalog.HELPDESK_ADMIN.templateId(),
            Catalog.PRIVILEGED_AUTH_ADMIN.templateId(), Catalog.GLOBAL_ADMIN.templateId());
    static final Set<String> PRIVILEGED_ROLES = Set.of(Catalog.PRIVILEGED_AUTH_ADMIN.templateId(), Catalog.GLOBAL_ADMIN.templateId());

    private SimulatorContext context;

    @Override
    public String name() {
        return "user-writes";
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        this.context = c;
        c.graph("POST", "/v1.0/users", WritePermissions.USER_CREATE, this::create);
        c.graph("PATCH", "/v1.0/users/{id}", WritePermissions.USER_UPDATE_ANY, this::update);
        c.graph("DELETE", "/v1.0/users/{id}", WritePermissions.USER_DELETE, this::delete);
        c.graph("PUT", "/v1.0/users/{id}/manager/$ref", WritePermissions.MANAGER_WRITE, this::setManager);
        c.graph("DELETE", "/v1.0/users/{id}/manager/$ref", WritePermissions.MANAGER_WRITE, this::removeManager);
        c.graph("POST", "/v1.0/users/{id}/revokeSignInSessions", WritePermissions.REVOKE_SESSIONS, this::revokeSessions);
        c.graph("POST", "/v1.0/users/{id}/assignLicense", WritePermissions.ASSIGN_LICENSE, this::assignLicense);

        c.control("GET", "/_sim/tenants/{t}/apps/{clientId}/directoryRoles", (q, r) -> {
            Tenant t = c.tenants().get(q.pathVariable("t"));
            AppRegistration app = t.apps().require(q.pathVariable("clientId"));
            r.bytes(200, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(new DirectoryRoleOperations(t).rolesOf(app.servicePrincipalId())));
        });
        c.control("POST", "/_sim/tenants/{t}/apps/{clientId}/directoryRoles", (q, r) -> {
            Tenant t = c.tenants().get(q.pathVariable("t"));
            AppRegistration app = t.apps().require(q.pathVariable("clientId"));
            new DirectoryRoleOperations(t).assign(app.servicePrincipalId(), roleTemplateId(q.bodyJson()));
            r.empty(204);
        });
        c.control("DELETE", "/_sim/tenants/{t}/apps/{clientId}/directoryRoles/{role}", (q, r) -> {
            Tenant t = c.tenants().get(q.pathVariable("t"));
            AppRegistration app = t.apps().require(q.pathVariable("clientId"));
            new DirectoryRoleOperations(t).unassign(app.servicePrincipalId(), q.pathVariable("role"));
            r.empty(204);
        });
    }

    private static String roleTemplateId(JsonNode b) {
        if (b.hasNonNull("roleTemplateId")) {
            return b.get("roleTemplateId").asText();
        }
        if (b.hasNonNull("role")) {
            for (Catalog.RoleTemplate t : Catalog.ROLE_TEMPLATES) {
                if (t.displayName().equalsIgnoreCase(b.get("role").asText())) {
                    return t.templateId();
                }
            }
            throw ControlException.badRequest("Unknown role '" + b.get("role").asText() + "'");
        }
        throw ControlException.badRequest("Give roleTemplateId or role (display name, e.g. \"User Administrator\")");
    }

    // ------------------------------------------------------------------ create

    private void create(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        JsonNode b = object(req.bodyJson());
        for (String p : List.of("accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile")) {
            JsonNode v = b.get(p);
            if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
                throw GraphException.badRequest("Property " + p + " value is required but is empty or missing.");
            }
        }
        User.Builder builder = new User.Builder().userType(User.MEMBER);
        apply(t, b, builder);
        checkPassword(b.get("passwordProfile"));
        Instant now = t.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        builder.createdDateTime(now).lastPasswordChangeDateTime(now); // the initial password counts as a change
        User created;
        try {
            created = t.users().add(builder.build());
        } catch (TenantException e) {
            throw e.kind() == TenantException.Kind.CONFLICT ? upnTaken() : e;
        }
        UserView v = t.read(() -> UserView.of(t, t.userTable().get(created.id()), false));
        List<String> fields = Schemas.USER.resolveSelect(null);
        res.json(201, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", Pages.context(req, "users/$entity"));
            Schemas.USER.writeFields(g, v, fields);
            g.writeEndObject();
        });
    }

    private static GraphException upnTaken() {
        return GraphException.badRequest("Another object with the same value for property userPrincipalName already exists.");
    }

    // ------------------------------------------------------------------ update

    private void update(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        Caller caller = req.caller();
        JsonNode b = object(req.bodyJson());
        User target = t.read(() -> UsersModule.requireUser(t, req.pathVariable("id")));
        checkUpdatePermissions(t, caller, target, b);
        if (b.has("passwordProfile")) {
            checkPassword(b.get("passwordProfile"));
        }
        try {
            t.users().update(target.id(), builder -> {
                apply(t, b, builder);
                if (b.has("passwordProfile")) {
                    // a password reset: Entra records when the password last changed
                    builder.lastPasswordChangeDateTime(t.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                }
                return builder;
            });
        } catch (TenantException e) {
            throw e.kind() == TenantException.Kind.CONFLICT ? upnTaken() : e;
        }
        res.empty(204);
    }

    /**
     * Per property (GRAPH_FACTS §8): general properties need User.ReadWrite.All (or User.ReadUpdate.All /
     * Directory.ReadWrite.All); accountEnabled also User.EnableDisableAccount.All together with User.Read.All;
     * userType needs User.ReadWrite.All; passwordProfile needs User-PasswordProfile.ReadWrite.All and the caller
     * (the app's service principal, or the signed-in admin) in a password-reset role. Sensitive properties of an
     * administrator need a privileged role.
     */
    static void checkUpdatePermissions(Tenant t, Caller caller, User target, JsonNode body) {
        boolean general = caller.hasAny(WritePermissions.USER_GENERAL_UPDATE);
        boolean full = caller.hasAny(WritePermissions.USER_FULL_WRITE);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String p = it.next();
            if (p.startsWith("@odata.")) {
                continue; // the SDK sends "@odata.type": "#microsoft.graph.user"
            }
            boolean allowed = switch (p) {
                case "accountEnabled" -> full || (caller.permissions().contains(WritePermissions.ENABLE_DISABLE)
                        && caller.hasAny(Set.of("User.Read.All", "User.ReadBasic.All", "Directory.Read.All")));
                case "userType" -> full;
                case "passwordProfile" -> caller.permissions().contains(WritePermissions.PASSWORD_PROFILE)
                        || (caller.delegated() && caller.permissions().contains("Directory.AccessAsUser.All"));
                default -> general;
            };
            if (!allowed) {
                throw GraphException.forbidden();
            }
        }
        boolean targetIsAdmin = !new DirectoryRoleOperations(t).rolesOf(target.id()).isEmpty();
        if (body.has("passwordProfile") && !holdsRole(t, caller, targetIsAdmin ? PRIVILEGED_ROLES : PASSWORD_RESET_ROLES)) {
            throw GraphException.forbidden();
        }
        if (targetIsAdmin) {
            for (String p : SENSITIVE) {
                if (body.has(p) && !holdsRole(t, caller, PRIVILEGED_ROLES)) {
                    throw GraphException.forbidden();
                }
            }
        }
    }

    /** Whether the caller holds one of the roles: app-only → its service principal's assignments; delegated → wids. */
    static boolean holdsRole(Tenant t, Caller caller, Set<String> roleTemplateIds) {
        Set<String> held = caller.delegated() ? caller.directoryRoleTemplateIds()
                : new DirectoryRoleOperations(t).rolesOf(caller.servicePrincipalId());
        for (String r : held) {
            if (roleTemplateIds.contains(r)) {
                return true;
            }
        }
        return false;
    }

    /** Copies the body's properties onto the builder, validating each like Graph (400 with the property named). */
    private static void apply(Tenant t, JsonNode b, User.Builder u) {
        for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = e.getKey();
            JsonNode v = e.getValue();
            if (p.startsWith("@odata.")) {
                continue;
            }
            switch (p) {
                case "accountEnabled" -> u.accountEnabled(bool(p, v));
                case "displayName" -> u.displayName(requiredText(p, v));
                case "givenName" -> u.givenName(text(p, v));
                case "surname" -> u.surname(text(p, v));
                case "jobTitle" -> u.jobTitle(text(p, v));
                case "department" -> u.department(text(p, v));
                case "officeLocation" -> u.officeLocation(text(p, v));
                case "companyName" -> u.companyName(text(p, v));
                case "employeeId" -> {
                    String id = text(p, v);
                    if (id != null && id.length() > 16) {
                        throw invalid(p);
                    }
                    u.employeeId(id);
                }
                case "employeeType" -> u.employeeType(text(p, v));
                case "city" -> u.city(text(p, v));
                case "country" -> u.country(text(p, v));
                case "preferredLanguage" -> u.preferredLanguage(text(p, v));
                case "mobilePhone" -> u.mobilePhone(text(p, v));
                case "mail" -> u.mail(text(p, v));
                case "businessPhones" -> u.businessPhones(strings(p, v));
                case "usageLocation" -> {
                    String loc = text(p, v);
                    if (loc != null && !COUNTRY.matcher(loc).matches()) {
                        throw invalid(p);
                    }
                    u.usageLocation(loc);
                }
                case "userType" -> {
                    String type = requiredText(p, v);
                    if (!type.equals(User.MEMBER) && !type.equals(User.GUEST)) {
                        throw invalid(p);
                    }
                    u.userType(type);
                }
                case "mailNickname" -> {
                    String nick = requiredText(p, v);
                    if (!MAIL_NICKNAME.matcher(nick).matches()) {
                        throw invalid(p);
                    }
                    u.mailNickname(nick);
                }
                case "userPrincipalName" -> {
                    String upn = requiredText(p, v);
                    checkUpn(t, upn);
                    u.userPrincipalName(upn);
                }
                case "passwordProfile" -> {
                    // validated separately; the simulator never stores passwords
                }
                default -> throw GraphException.badRequest("Property '" + p + "' is not supported on microsoft.graph.user by the simulator "
                        + "(or does not exist). Supported: accountEnabled, displayName, givenName, surname, jobTitle, department, "
                        + "officeLocation, companyName, employeeId, employeeType, city, country, preferredLanguage, mobilePhone, businessPhones, mail, "
                        + "usageLocation, userType, mailNickname, userPrincipalName, passwordProfile.");
            }
        }
    }

    private static void checkUpn(Tenant t, String upn) {
        int at = upn.lastIndexOf('@');
        if (at <= 0 || at == upn.length() - 1 || !UPN_LOCAL.matcher(upn.substring(0, at)).matches()) {
            throw invalid("userPrincipalName");
        }
        String domain = upn.substring(at + 1).toLowerCase(Locale.ROOT);
        boolean verified = t.read(() -> t.organization().verifiedDomains().stream().anyMatch(d -> d.equalsIgnoreCase(domain)));
        if (!verified) {
            throw GraphException.badRequest("The domain portion of the userPrincipalName property is invalid. You must use one of the "
                    + "verified domain names in your organization.");
        }
    }

    /** Azure AD's complexity rule: 8–256 characters, three of lower case, upper case, digits and symbols. */
    private static void checkPassword(JsonNode profile) {
        if (profile == null || !profile.isObject()) {
            throw invalid("passwordProfile");
        }
        for (Iterator<String> it = profile.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("password", "forceChangePasswordNextSignIn", "forceChangePasswordNextSignInWithMfa").contains(f)) {
                throw GraphException.badRequest("Property '" + f + "' does not exist on type 'microsoft.graph.passwordProfile'.");
            }
        }
        for (String flag : List.of("forceChangePasswordNextSignIn", "forceChangePasswordNextSignInWithMfa")) {
            if (profile.has(flag) && !profile.get(flag).isBoolean()) {
                throw invalid("passwordProfile");
            }
        }
        JsonNode pw = profile.get("password");
        if (pw == null || !pw.isTextual() || pw.asText().isEmpty()) {
            throw GraphException.badRequest("Property password value is required but is empty or missing.");
        }
        String s = pw.asText();
        int classes = (s.chars().anyMatch(Character::isLowerCase) ? 1 : 0) + (s.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (s.chars().anyMatch(Character::isDigit) ? 1 : 0) + (s.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch)) ? 1 : 0);
        if (s.length() < 8 || s.length() > 256 || classes < 3) {
            throw GraphException.badRequest("The specified password does not comply with password complexity requirements. Please provide a different password.");
        }
    }

    // ------------------------------------------------------------------ delete, manager, sessions

    private void delete(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        User target = t.read(() -> UsersModule.requireUser(t, req.pathVariable("id")));
        if (!new DirectoryRoleOperations(t).rolesOf(target.id()).isEmpty() && !holdsRole(t, req.caller(), PRIVILEGED_ROLES)) {
            throw GraphException.forbidden();
        }
        t.users().delete(target.id(), false);
        res.empty(204);
    }

    private void setManager(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        String managerId = ODataRefs.id(object(req.bodyJson()), "@odata.id");
        User target = t.read(() -> UsersModule.requireUser(t, req.pathVariable("id")));
        t.users().setManager(target.id(), managerId);
        res.empty(204);
    }

    private void removeManager(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        User target = t.read(() -> UsersModule.requireUser(t, req.pathVariable("id")));
        if (target.managerId() == null) {
            throw GraphException.notFound("manager");
        }
        t.users().setManager(target.id(), null);
        res.empty(204);
    }

    private void revokeSessions(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        User target = t.read(() -> UsersModule.requireUser(t, req.pathVariable("id")));
        context.grants().revokeUser(t.id(), target.id());
        // Graph documents 204 but answers 200 with an Edm.Boolean (known issue; the SDK expects this body)
        res.json(200, g -> {
            g.writeStartObject();
            g.writeStringField("@odata.context", Pages.context(req, "Edm.Boolean"));
            g.writeBooleanField("value", true);
            g.writeEndObject();
        });
    }

    // ------------------------------------------------------------------ licences

    private void assignLicense(SimRequest req, SimResponse res) throws IOException {
        Tenant t = req.tenant();
        JsonNode b = object(req.bodyJson());
        for (String p : List.of("addLicenses", "removeLicenses")) {
            if (!b.has(p) || !b.get(p).isArray()) {
                throw GraphException.badRequest("Property " + p + " value is required but is empty or missing.");
            }
        }
        User target = t.read(() -> UsersModule.requireUser(t, req.pathVariable("id")));
        List<AssignedLicense> add = new ArrayList<>();
        for (JsonNode l : b.get("addLicenses")) {
            String skuId = guid("skuId", l.get("skuId"));
            List<String> disabled = new ArrayList<>();
            JsonNode plans = l.get("disabledPlans");
            if (plans != null && !plans.isNull()) {
                for (JsonNode p : plans) {
                    disabled.add(guid("disabledPlans", p));
                }
            }
            Sku sku = t.read(() -> t.skuMap().get(skuId));
            if (sku != null) {
                for (String plan : disabled) {
                    if (sku.servicePlans().stream().map(ServicePlan::servicePlanId).noneMatch(plan::equalsIgnoreCase)) {
                        throw GraphException.badRequest("Invalid value specified for property 'disabledPlans': service plan " + plan
                                + " is not part of " + sku.skuPartNumber() + ".");
                    }
                }
            }
            add.add(new AssignedLicense(skuId, disabled));
        }
        List<String> remove = new ArrayList<>();
        for (JsonNode r : b.get("removeLicenses")) {
            remove.add(guid("removeLicenses", r));
        }
        // A licence the user holds only through a group cannot be removed from the user (GRAPH_FACTS §10.3).
        for (String skuId : remove) {
            boolean direct = target.assignedLicenses().stream().anyMatch(l -> l.skuId().equalsIgnoreCase(skuId));
            boolean held = t.read(() -> t.effectiveLicenses(target).stream().anyMatch(l -> l.skuId().equalsIgnoreCase(skuId)));
            if (!direct && held) {
                throw GraphException.badRequest("User license is inherited from group membership and cannot be removed directly from the user.");
            }
        }
        User updated = t.users().assignLicenses(target.id(), add, remove);
        UserView v = t.read(() -> UserView.of(t, t.userTable().get(updated.id()), false));
        List<String> fields = Schemas.USER.resolveSelect(null);
        Pages.single(req, res, "users/$entity", g -> Schemas.USER.writeFields(g, v, fields));
    }

    // ------------------------------------------------------------------ JSON helpers

    static JsonNode object(JsonNode b) {
        if (!b.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object.");
        }
        return b;
    }

    private static GraphException invalid(String property) {
        return GraphException.badRequest("Invalid value specified for property '" + property + "' of resource 'User'.");
    }

    private static boolean bool(String p, JsonNode v) {
        if (!v.isBoolean()) {
            throw GraphException.badRequest("Cannot convert the literal '" + v.asText() + "' to the expected type 'Edm.Boolean' of property '" + p + "'.");
        }
        return v.booleanValue();
    }

    private static String text(String p, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(p);
        }
        return v.asText();
    }

    private static String requiredText(String p, JsonNode v) {
        String s = text(p, v);
        if (s == null || s.isBlank()) {
            throw invalid(p);
        }
        return s;
    }

    private static List<String> strings(String p, JsonNode v) {
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw invalid(p);
        }
        List<String> result = new ArrayList<>();
        v.forEach(x -> result.add(text(p, x)));
        return result;
    }

    private static String guid(String p, JsonNode v) {
        if (v == null || !v.isTextual() || !v.asText().matches("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")) {
            throw GraphException.badRequest("Invalid value specified for property '" + p + "' of resource 'assignedLicense'.");
        }
        return v.asText().toLowerCase(Locale.ROOT);
    }
}
