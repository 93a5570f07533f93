package io.m365platform.graphsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimulatorContext;
import io.m365platform.graphsim.SimulatorModule;
import io.m365platform.graphsim.faults.FaultRule;
import io.m365platform.graphsim.http.ControlException;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.http.SimRequest;
import io.m365platform.graphsim.http.SimResponse;
import io.m365platform.graphsim.model.AssignedLicense;
import io.m365platform.graphsim.model.Group;
import io.m365platform.graphsim.model.Sku;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations;
import io.m365platform.graphsim.tenant.AppRegistration;
import io.m365platform.graphsim.tenant.ClientSecret;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.graphsim.tenant.TenantFixture;
import io.m365platform.graphsim.tenant.TenantGenerator;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The REST control API under /_sim (same operations as the Java API): tenants (generate, load, export, delete),
 * users/groups/licenses mutations, app registrations and their secrets and consents, faults, delta-token expiry,
 * concealed report names, the clock, the request log and counters. Unauthenticated: bind to loopback.
 */
public final class ControlModule implements SimulatorModule {
    private final GraphSimulator sim;

    public ControlModule(GraphSimulator sim) {
        this.sim = sim;
    }

    @Override
    public String name() {
        return "control";
    }

    @Override
    public void registerRoutes(SimulatorContext c) {
        c.control("GET", "/_sim/certificate.pem", (q, r) -> r.text(200, "application/x-pem-file", sim.certificatePem()));
        c.control("GET", "/_sim/info", this::info);
        c.control("GET", "/_sim/tenants", (q, r) -> {
            ArrayNode list = Json.MAPPER.createArrayNode();
            sim.tenants().list().forEach(t -> list.add(summary(t)));
            write(r, 200, list);
        });
        c.control("POST", "/_sim/tenants", this::createTenant);
        c.control("GET", "/_sim/tenants/{t}", (q, r) -> write(r, 200, summary(tenant(q))));
        c.control("DELETE", "/_sim/tenants/{t}", (q, r) -> {
            sim.tenants().remove(q.pathVariable("t"));
            r.empty(204);
        });
        c.control("GET", "/_sim/tenants/{t}/fixture", (q, r) -> write(r, 200, sim.tenants().export(tenant(q))));
        c.control("GET", "/_sim/tenants/{t}/users", (q, r) -> write(r, 200, tenant(q).users().list()));
        c.control("GET", "/_sim/tenants/{t}/users/{id}", (q, r) -> write(r, 200, tenant(q).users().require(q.pathVariable("id"))));
        c.control("POST", "/_sim/tenants/{t}/users", (q, r) -> write(r, 201, tenant(q).users().add(read(q, User.class))));
        c.control("PATCH", "/_sim/tenants/{t}/users/{id}", this::patchUser);
        c.control("DELETE", "/_sim/tenants/{t}/users/{id}", (q, r) -> {
            tenant(q).users().delete(q.pathVariable("id"), "true".equalsIgnoreCase(q.query("permanent")));
            r.empty(204);
        });
        c.control("POST", "/_sim/tenants/{t}/users/{id}/licenses", this::licenses);
        c.control("POST", "/_sim/tenants/{t}/users/{id}/sign-ins", this::signIn);
        c.control("POST", "/_sim/tenants/{t}/users/{id}/password-changed", (q, r) ->
                write(r, 200, tenant(q).users().passwordChanged(q.pathVariable("id"))));
        c.control("PATCH", "/_sim/tenants/{t}/teams/{id}", (q, r) -> {
            JsonNode v = q.bodyJson().get("isArchived");
            if (v == null || !v.isBoolean()) {
                throw ControlException.badRequest("isArchived (boolean) is required");
            }
            write(r, 200, tenant(q).groups().setTeamArchived(q.pathVariable("id"), v.booleanValue()));
        });
        c.control("GET", "/_sim/tenants/{t}/servicePrincipals/{id}/appRoleAssignments", (q, r) ->
                write(r, 200, tenant(q).apps().appRoleAssignments(q.pathVariable("id"))));
        c.control("POST", "/_sim/tenants/{t}/servicePrincipals/{id}/appRoleAssignments", (q, r) -> {
            JsonNode b = q.bodyJson();
            String role = b.hasNonNull("appRoleId") ? b.get("appRoleId").asText() : b.hasNonNull("permission") ? b.get("permission").asText() : null;
            if (role == null) {
                throw ControlException.badRequest("appRoleId or permission is required");
            }
            String resource = b.hasNonNull("resourceId") ? b.get("resourceId").asText() : io.m365platform.graphsim.tenant.AppOperations.GRAPH_APP_ID;
            write(r, 201, tenant(q).apps().grantAppRole(q.pathVariable("id"), resource, role));
        });
        c.control("DELETE", "/_sim/tenants/{t}/appRoleAssignments/{id}", (q, r) -> {
            tenant(q).apps().revokeAppRole(q.pathVariable("id"));
            r.empty(204);
        });
        c.control("GET", "/_sim/tenants/{t}/groups", (q, r) -> write(r, 200, tenant(q).groups().list()));
        c.control("POST", "/_sim/tenants/{t}/groups", (q, r) -> write(r, 201, tenant(q).groups().create(read(q, Group.class))));
        c.control("PATCH", "/_sim/tenants/{t}/groups/{id}", this::patchGroup);
        c.control("DELETE", "/_sim/tenants/{t}/groups/{id}", (q, r) -> {
            tenant(q).groups().delete(q.pathVariable("id"), "true".equalsIgnoreCase(q.query("permanent")));
            r.empty(204);
        });
        c.control("POST", "/_sim/tenants/{t}/groups/{id}/members", (q, r) -> {
            tenant(q).groups().addMember(q.pathVariable("id"), text(q.bodyJson(), "id"));
            r.empty(204);
        });
        c.control("DELETE", "/_sim/tenants/{t}/groups/{id}/members/{member}", (q, r) -> {
            tenant(q).groups().removeMember(q.pathVariable("id"), q.pathVariable("member"));
            r.empty(204);
        });
        c.control("GET", "/_sim/tenants/{t}/skus", this::skus);
        c.control("GET", "/_sim/tenants/{t}/apps", (q, r) -> {
            ArrayNode list = Json.MAPPER.createArrayNode();
            tenant(q).apps().list().forEach(a -> list.add(app(a)));
            write(r, 200, list);
        });
        c.control("POST", "/_sim/tenants/{t}/apps", this::registerApp);
        c.control("POST", "/_sim/tenants/{t}/apps/{clientId}/secrets", (q, r) -> {
            JsonNode b = q.body().length == 0 ? Json.MAPPER.createObjectNode() : q.bodyJson();
            write(r, 201, tenant(q).apps().addSecret(q.pathVariable("clientId"), Duration.ofDays(b.path("expiresInDays").asInt(365))));
        });
        c.control("POST", "/_sim/tenants/{t}/apps/{clientId}/expire-secrets", (q, r) -> {
            JsonNode b = q.body().length == 0 ? Json.MAPPER.createObjectNode() : q.bodyJson();
            tenant(q).apps().expireSecrets(q.pathVariable("clientId"), b.hasNonNull("keyId") ? b.get("keyId").asText() : null);
            r.empty(204);
        });
        c.control("PUT", "/_sim/tenants/{t}/apps/{clientId}/permissions", (q, r) -> {
            JsonNode b = q.bodyJson();
            tenant(q).apps().setPermissions(q.pathVariable("clientId"), strings(b, "applicationPermissions"), strings(b, "delegatedPermissions"));
            r.empty(204);
        });
        c.control("POST", "/_sim/tenants/{t}/apps/{clientId}/revoke-consent", (q, r) -> {
            JsonNode b = q.body().length == 0 ? Json.MAPPER.createObjectNode() : q.bodyJson();
            tenant(q).apps().revokeConsent(q.pathVariable("clientId"), b.path("rejectIssuedTokens").asBoolean(false));
            r.empty(204);
        });
        c.control("POST", "/_sim/tenants/{t}/delta/expire", (q, r) -> {
            JsonNode b = q.body().length == 0 ? Json.MAPPER.createObjectNode() : q.bodyJson();
            tenant(q).expireDeltaTokens(b.path("code").asText("syncStateNotFound"));
            r.empty(204);
        });
        c.control("PUT", "/_sim/tenants/{t}/report-settings", (q, r) -> {
            JsonNode v = q.bodyJson().get("displayConcealedNames");
            if (v == null || !v.isBoolean()) {
                throw ControlException.badRequest("displayConcealedNames (boolean) is required");
            }
            tenant(q).displayConcealedNames(v.booleanValue());
            r.empty(204);
        });
        c.control("POST", "/_sim/tenants/{t}/refresh-tokens/expire", (q, r) -> {
            sim.grants().expireRefreshTokens(tenant(q).id());
            r.empty(204);
        });
        c.control("PUT", "/_sim/tenants/{t}/admin", (q, r) -> {
            tenant(q).adminUserId(text(q.bodyJson(), "userId"));
            r.empty(204);
        });
        c.control("GET", "/_sim/faults", (q, r) -> write(r, 200, sim.faults().list().stream().map(ControlModule::fault).toList()));
        c.control("POST", "/_sim/faults", this::addFault);
        c.control("DELETE", "/_sim/faults", (q, r) -> {
            sim.faults().clear();
            r.empty(204);
        });
        c.control("DELETE", "/_sim/faults/{id}", (q, r) -> {
            if (!sim.faults().remove(q.pathVariable("id"))) {
                throw ControlException.notFound("No fault " + q.pathVariable("id"));
            }
            r.empty(204);
        });
        c.control("GET", "/_sim/requests", (q, r) -> {
            int limit = q.query("limit") == null ? 100 : Integer.parseInt(q.query("limit"));
            write(r, 200, sim.requestLog().last(limit));
        });
        c.control("GET", "/_sim/counters", (q, r) -> write(r, 200, sim.counters().snapshot()));
        c.control("POST", "/_sim/reset", (q, r) -> {
            if ("true".equalsIgnoreCase(q.query("all"))) {
                sim.reset();
            } else {
                sim.resetTraffic();
            }
            r.empty(204);
        });
        c.control("POST", "/_sim/clock/advance", (q, r) -> {
            long seconds = q.bodyJson().path("seconds").asLong(-1);
            if (seconds < 0) {
                throw ControlException.badRequest("seconds (>= 0) is required");
            }
            sim.clock().advance(Duration.ofSeconds(seconds));
            write(r, 200, Map.of("now", sim.clock().instant().toString()));
        });
    }

    // ------------------------------------------------------------------ handlers

    private void info(SimRequest q, SimResponse r) throws IOException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("baseUrl", sim.baseUrl());
        n.put("graphBaseUrl", sim.graphBaseUrl());
        n.put("authorityTemplate", sim.baseUrl() + "/{tenant}/");
        n.put("certificateUrl", sim.baseUrl() + "/_sim/certificate.pem");
        ArrayNode tenants = n.putArray("tenants");
        sim.tenants().list().forEach(t -> tenants.add(summary(t)));
        write(r, 200, n);
    }

    private void createTenant(SimRequest q, SimResponse r) throws IOException {
        JsonNode b = q.bodyJson();
        Tenant t;
        if (b.has("fixture")) {
            t = sim.tenants().load(Json.MAPPER.treeToValue(b.get("fixture"), TenantFixture.class));
        } else {
            if (!b.has("users") || !b.get("users").canConvertToInt() || b.get("users").asInt() < 1) {
                throw ControlException.badRequest("Either 'fixture' or 'users' (a positive number) is required; 'seed' and 'name' are optional");
            }
            t = sim.tenants().generate(new GenerationSpec(b.path("seed").asLong(0), b.get("users").asInt(),
                    b.hasNonNull("name") ? b.get("name").asText() : null));
        }
        ObjectNode out = summary(t);
        if (b.path("demoApp").asBoolean(false)) {
            AppOperations.RegisteredApp app = TenantGenerator.registerDemoApp(t, strings(b, "applicationPermissions", DEMO_APP_PERMISSIONS),
                    strings(b, "delegatedPermissions", DEMO_DELEGATED_PERMISSIONS), List.of("http://localhost/callback"));
            out.set("demoApp", Json.MAPPER.valueToTree(app));
        }
        write(r, 201, out);
    }

    public static final Set<String> DEMO_APP_PERMISSIONS = Set.of("User.Read.All", "Group.Read.All", "GroupMember.Read.All",
            "Directory.Read.All", "Organization.Read.All", "Reports.Read.All", "RoleManagement.Read.Directory",
            "TeamMember.Read.All", "Channel.ReadBasic.All", "TeamsAppInstallation.ReadForUser.All", "ReportSettings.Read.All");
    public static final Set<String> DEMO_DELEGATED_PERMISSIONS = Set.of("User.Read.All", "Directory.Read.All", "Reports.Read.All",
            "User-PasswordProfile.ReadWrite.All", "ChannelMessage.Send");

    /** {"at": ISO instant (default now), "interactive": true, "success": true}: records a sign-in. */
    private void signIn(SimRequest q, SimResponse r) throws IOException {
        JsonNode b = q.body().length == 0 ? Json.MAPPER.createObjectNode() : q.bodyJson();
        Tenant t = tenant(q);
        java.time.Instant at;
        try {
            at = b.hasNonNull("at") ? java.time.Instant.parse(b.get("at").asText()) : t.now();
        } catch (java.time.format.DateTimeParseException e) {
            throw ControlException.badRequest("at must be an ISO 8601 instant, e.g. 2024-05-01T10:00:00Z");
        }
        for (String flag : List.of("interactive", "success")) {
            if (b.has(flag) && !b.get(flag).isBoolean()) {
                throw ControlException.badRequest(flag + " must be a boolean");
            }
        }
        write(r, 200, t.users().recordSignIn(q.pathVariable("id"), at, b.path("interactive").asBoolean(true),
                b.path("success").asBoolean(true)));
    }

    private void patchUser(SimRequest q, SimResponse r) throws IOException {
        JsonNode b = q.bodyJson();
        Tenant t = tenant(q);
        if (b.has("managerId")) {
            t.users().setManager(q.pathVariable("id"), b.get("managerId").isNull() ? null : b.get("managerId").asText());
        }
        User updated = t.users().update(q.pathVariable("id"), builder -> {
            Iterator<Map.Entry<String, JsonNode>> fields = b.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                JsonNode v = e.getValue();
                String s = v.isNull() ? null : v.asText();
                switch (e.getKey()) {
                    case "managerId" -> {
                    }
                    case "displayName" -> builder.displayName(s);
                    case "givenName" -> builder.givenName(s);
                    case "surname" -> builder.surname(s);
                    case "userPrincipalName" -> builder.userPrincipalName(s);
                    case "mail" -> builder.mail(s);
                    case "jobTitle" -> builder.jobTitle(s);
                    case "department" -> builder.department(s);
                    case "officeLocation" -> builder.officeLocation(s);
                    case "companyName" -> builder.companyName(s);
                    case "employeeId" -> builder.employeeId(s);
                    case "employeeType" -> builder.employeeType(s);
                    case "city" -> builder.city(s);
                    case "country" -> builder.country(s);
                    case "usageLocation" -> builder.usageLocation(s);
                    case "preferredLanguage" -> builder.preferredLanguage(s);
                    case "mobilePhone" -> builder.mobilePhone(s);
                    case "userType" -> builder.userType(s);
                    case "externalUserState" -> builder.externalUserState(s);
                    case "accountEnabled" -> {
                        if (!v.isBoolean()) {
                            throw ControlException.badRequest("accountEnabled must be a boolean");
                        }
                        builder.accountEnabled(v.booleanValue());
                    }
                    default -> throw ControlException.badRequest("Unknown or read-only user property '" + e.getKey() + "'");
                }
            }
            return builder;
        });
        write(r, 200, updated);
    }

    private void licenses(SimRequest q, SimResponse r) throws IOException {
        JsonNode b = q.bodyJson();
        List<AssignedLicense> add = new ArrayList<>();
        for (JsonNode n : b.path("add")) {
            add.add(n.isTextual() ? AssignedLicense.of(n.asText().toLowerCase()) : new AssignedLicense(text(n, "skuId").toLowerCase(),
                    new ArrayList<>(strings(n, "disabledPlans"))));
        }
        List<String> remove = new ArrayList<>(strings(b, "remove"));
        write(r, 200, tenant(q).users().assignLicenses(q.pathVariable("id"), add, remove));
    }

    private void patchGroup(SimRequest q, SimResponse r) throws IOException {
        JsonNode b = q.bodyJson();
        Tenant t = tenant(q);
        String id = q.pathVariable("id");
        Group g = t.groups().get(id);
        if (g == null) {
            throw ControlException.notFound("No group " + id);
        }
        if (b.has("displayName")) {
            g = t.groups().rename(id, b.get("displayName").asText());
        }
        if (b.has("assignedLicenses")) {
            List<AssignedLicense> licenses = new ArrayList<>();
            for (JsonNode n : b.get("assignedLicenses")) {
                licenses.add(new AssignedLicense(text(n, "skuId").toLowerCase(), new ArrayList<>(strings(n, "disabledPlans"))));
            }
            g = t.groups().setLicenses(id, licenses);
        }
        b.fieldNames().forEachRemaining(f -> {
            if (!f.equals("displayName") && !f.equals("assignedLicenses")) {
                throw ControlException.badRequest("Unknown or read-only group property '" + f + "' (members: use /members)");
            }
        });
        write(r, 200, g);
    }

    private void skus(SimRequest q, SimResponse r) throws IOException {
        Tenant t = tenant(q);
        ArrayNode list = Json.MAPPER.createArrayNode();
        t.read(() -> {
            Map<String, Integer> consumed = t.consumedUnits();
            for (Sku s : t.skuMap().values()) {
                ObjectNode n = Json.MAPPER.valueToTree(s);
                n.put("consumedUnits", consumed.getOrDefault(s.skuId(), 0));
                list.add(n);
            }
            return null;
        });
        write(r, 200, list);
    }

    private void registerApp(SimRequest q, SimResponse r) throws IOException {
        JsonNode b = q.bodyJson();
        List<Duration> lifetimes = new ArrayList<>();
        for (JsonNode s : b.path("secrets")) {
            lifetimes.add(Duration.ofDays(s.path("expiresInDays").asInt(365)));
        }
        if (lifetimes.isEmpty()) {
            lifetimes.add(Duration.ofDays(365));
        }
        AppOperations.RegisteredApp app = tenant(q).apps().register(new AppOperations.Registration(
                b.hasNonNull("clientId") ? b.get("clientId").asText() : null, text(b, "displayName"),
                strings(b, "applicationPermissions"), strings(b, "delegatedPermissions"),
                new ArrayList<>(strings(b, "redirectUris")), lifetimes, List.of()));
        write(r, 201, app);
    }

    private void addFault(SimRequest q, SimResponse r) throws IOException {
        JsonNode b = q.bodyJson();
        String type = b.path("type").asText("status");
        FaultRule rule = switch (type) {
            case "status" -> {
                if (!b.has("status")) {
                    throw ControlException.badRequest("A status fault needs 'status' (e.g. 429, 503, 504)");
                }
                yield FaultRule.status(b.get("status").asInt());
            }
            case "reset" -> FaultRule.connectionReset();
            case "latency" -> FaultRule.latency(Duration.ofMillis(b.path("latencyMs").asLong(0)));
            default -> throw ControlException.badRequest("type must be status, reset or latency");
        };
        if (b.hasNonNull("id")) rule = rule.id(b.get("id").asText());
        if (b.hasNonNull("retryAfterSeconds")) rule = rule.retryAfter(b.get("retryAfterSeconds").asInt());
        if (b.hasNonNull("code") || b.hasNonNull("message")) rule = rule.error(b.path("code").asText(null), b.path("message").asText(null));
        if (b.hasNonNull("method")) rule = rule.method(b.get("method").asText());
        if (b.hasNonNull("path")) rule = rule.path(b.get("path").asText());
        if (b.hasNonNull("tenant")) rule = rule.tenant(sim.tenants().get(b.get("tenant").asText()).id());
        if (b.hasNonNull("probability")) rule = rule.probability(b.get("probability").asDouble());
        if (b.hasNonNull("skipFirst")) rule = rule.skipFirst(b.get("skipFirst").asInt());
        if (b.hasNonNull("times")) rule = rule.times(b.get("times").asInt());
        write(r, 201, fault(sim.faults().add(rule)));
    }

    // ------------------------------------------------------------------ helpers

    private Tenant tenant(SimRequest q) {
        return sim.tenants().get(q.pathVariable("t"));
    }

    private static <T> T read(SimRequest q, Class<T> type) throws IOException {
        try {
            return Json.MAPPER.readValue(q.body(), type);
        } catch (IOException e) {
            throw ControlException.badRequest("Body is not a valid " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw ControlException.badRequest("'" + field + "' is required");
        }
        return v.asText();
    }

    private static Set<String> strings(JsonNode n, String field) {
        return strings(n, field, Set.of());
    }

    private static Set<String> strings(JsonNode n, String field, Set<String> fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isArray()) {
            throw ControlException.badRequest("'" + field + "' must be an array of strings");
        }
        Set<String> result = new LinkedHashSet<>();
        v.forEach(x -> result.add(x.asText()));
        return result;
    }

    private static void write(SimResponse r, int status, Object body) throws IOException {
        r.bytes(status, "application/json; charset=utf-8", Json.MAPPER.writeValueAsBytes(body));
    }

    private static ObjectNode summary(Tenant t) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        t.read(() -> {
            n.put("id", t.id());
            n.put("displayName", t.organization().displayName());
            ArrayNode d = n.putArray("domains");
            t.organization().verifiedDomains().forEach(d::add);
            n.put("users", t.userTable().liveCount());
            n.put("groups", t.groupTable().liveCount());
            n.put("adminUserId", t.adminUserId());
            n.put("changeSequence", t.currentSeq());
            n.put("displayConcealedNames", t.displayConcealedNames());
            return null;
        });
        return n;
    }

    private static ObjectNode app(AppRegistration a) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("clientId", a.clientId());
        n.put("displayName", a.displayName());
        n.put("servicePrincipalId", a.servicePrincipalId());
        n.set("applicationPermissions", Json.MAPPER.valueToTree(a.applicationPermissions()));
        n.set("delegatedPermissions", Json.MAPPER.valueToTree(a.delegatedPermissions()));
        n.set("redirectUris", Json.MAPPER.valueToTree(a.redirectUris()));
        ArrayNode secrets = n.putArray("secrets");
        for (ClientSecret s : a.secrets()) {
            ObjectNode sn = secrets.addObject();
            sn.put("keyId", s.keyId());
            sn.put("hint", s.hint());
            sn.put("endDateTime", s.endDateTime() == null ? null : s.endDateTime().toString());
        }
        return n;
    }

    private static Map<String, Object> fault(FaultRule f) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", f.id());
        m.put("type", switch (f.kind()) {
            case STATUS -> "status";
            case CONNECTION_RESET -> "reset";
            case LATENCY -> "latency";
        });
        m.put("status", f.kind() == FaultRule.Kind.STATUS ? f.statusCode() : null);
        m.put("retryAfterSeconds", f.retryAfterSeconds());
        m.put("latencyMs", f.latencyDuration() == null ? null : f.latencyDuration().toMillis());
        m.put("method", f.methodFilter());
        m.put("path", f.pathGlob());
        m.put("tenant", f.tenantFilter());
        m.put("probability", f.probabilityValue());
        m.put("skipFirst", f.skipFirstCount());
        m.put("times", f.timesLimit());
        m.put("fired", f.firedCount());
        m.put("seen", f.seenCount());
        return m;
    }
}
