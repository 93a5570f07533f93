package io.m365platform.graphsim.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.SimClients;
import io.m365platform.graphsim.http.Json;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every property the simulator emits must exist in Graph's v1.0 metadata: each endpoint is called with all the
 * properties its schema can serve, and every object in the answer (nested objects too, typed by the declared
 * property type or their @odata.type) is checked against the CSDL.
 */
class CsdlPropertyTest {
    static GraphSimulator sim;
    static Tenant tenant;
    static String token;
    static HttpClient http;
    static GraphMetadata metadata;

    @BeforeAll
    static void start() throws Exception {
        metadata = new GraphMetadata();
        sim = GraphSimulator.start();
        tenant = sim.tenants().generate(new GenerationSpec(21, 120, "csdl"));
        var app = tenant.apps().register(Registration.of("checker", Set.of("Directory.Read.All", "User.Read.All",
                "RoleManagement.Read.Directory", "TeamMember.Read.All", "Channel.ReadBasic.All",
                "TeamsAppInstallation.ReadForUser.All", "ReportSettings.Read.All", "Organization.Read.All", "AuditLog.Read.All")));
        token = SimClients.appToken(SimClients.msal(sim, tenant.id(), app.clientId(), app.secret())).accessToken();
        http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.graphBaseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), pathAndQuery + " → " + r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static String select(EntitySchema<?> schema) {
        return "$select=" + URLEncoder.encode(String.join(",", schema.propertyNames()), StandardCharsets.UTF_8);
    }

    /** Checks a response (collection or single entity) against a root type; returns the violations. */
    private static void check(String endpoint, JsonNode body, String rootType, List<String> violations, Set<String> seen) {
        JsonNode value = body.get("value");
        if (value != null && value.isArray()) {
            value.forEach(item -> checkObject(endpoint, item, rootType, violations, seen));
        } else {
            checkObject(endpoint, body, rootType, violations, seen);
        }
    }

    private static void checkObject(String endpoint, JsonNode node, String declaredType, List<String> violations, Set<String> seen) {
        if (!node.isObject()) {
            return;
        }
        String type = node.has("@odata.type") ? GraphMetadata.strip(node.get("@odata.type").asText()) : declaredType;
        if (!metadata.hasType(type)) {
            violations.add(endpoint + ": unknown type " + type);
            return;
        }
        if (!type.equals(declaredType) && !metadata.isSubtype(type, declaredType)) {
            violations.add(endpoint + ": " + type + " is not a " + declaredType);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = f.getKey();
            if (name.startsWith("@")) {
                continue; // instance annotations: @odata.*, @removed
            }
            String property = name.contains("@") ? name.substring(0, name.indexOf('@')) : name; // members@delta
            String declared = metadata.propertyType(type, property);
            seen.add(type + "." + property);
            if (declared == null) {
                violations.add(endpoint + ": " + type + "." + property + " is not in Graph v1.0");
                continue;
            }
            String inner = GraphMetadata.strip(declared);
            if (metadata.hasType(inner)) {
                JsonNode v = f.getValue();
                if (v.isArray()) {
                    v.forEach(x -> checkObject(endpoint, x, inner, violations, seen));
                } else {
                    checkObject(endpoint, v, inner, violations, seen);
                }
            }
        }
    }

    @Test
    void everyEmittedPropertyExistsInGraphV1Metadata() throws Exception {
        var team = tenant.groups().list().stream().filter(io.m365platform.graphsim.model.Group::isTeam).findFirst().orElseThrow();
        var nested = tenant.groups().list().stream().filter(g -> g.displayName().equals("All Staff (nested)")).findFirst().orElseThrow();
        var licensedUser = tenant.read(() -> tenant.userTable().liveValues().stream().filter(u -> tenant.hasServicePlan(u, "TEAMS")).findFirst().orElseThrow());
        String deltaSelect = "$select=" + URLEncoder.encode(String.join(",", Schemas.USER.propertyNames().stream()
                .filter(p -> !p.equals(Schemas.SIGN_IN_ACTIVITY)).toList()), StandardCharsets.UTF_8); // not on delta
        String deltaLink = get("/users/delta()?" + deltaSelect).path("@odata.deltaLink").asText();
        String groupDeltaLink = get("/groups/delta()").path("@odata.deltaLink").asText();
        var users = tenant.users().list();
        tenant.users().rename(users.get(1).id(), "Changed");
        tenant.users().delete(users.get(2).id(), false);
        tenant.groups().removeMember(nested.id(), nested.members().get(0));

        Map<String, String> endpoints = new java.util.LinkedHashMap<>();
        endpoints.put("/users?$top=500&$expand=manager&" + select(Schemas.USER), "user");
        endpoints.put("/users/" + users.get(3).id() + "?" + select(Schemas.USER), "user");
        endpoints.put("/users/" + users.get(3).id() + "/manager", "directoryObject");
        endpoints.put("/users/" + tenant.adminUserId() + "/licenseDetails", "licenseDetails");
        endpoints.put("/users/" + licensedUser.id() + "/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition", "userScopeTeamsAppInstallation");
        endpoints.put("/subscribedSkus", "subscribedSku");
        endpoints.put("/groups?$top=999&" + select(Schemas.GROUP), "group");
        endpoints.put("/groups/" + nested.id() + "/transitiveMembers", "directoryObject");
        endpoints.put("/groups/" + team.id() + "/owners", "directoryObject");
        endpoints.put("/directoryRoles", "directoryRole");
        endpoints.put("/roleManagement/directory/roleDefinitions", "unifiedRoleDefinition");
        endpoints.put("/roleManagement/directory/roleAssignments?$expand=principal", "unifiedRoleAssignment");
        endpoints.put("/organization", "organization");
        endpoints.put("/servicePrincipals?$top=999", "servicePrincipal");
        endpoints.put("/oauth2PermissionGrants?$top=999", "oAuth2PermissionGrant");
        endpoints.put("/teams/" + team.id() + "/members", "conversationMember");
        endpoints.put("/teams/" + team.id(), "team");
        String holder = tenant.read(() -> tenant.appRoleAssignmentList().get(0).principalId());
        endpoints.put("/servicePrincipals/" + holder + "/appRoleAssignments", "appRoleAssignment");
        endpoints.put("/teams/" + team.id() + "/channels", "channel");
        endpoints.put("/admin/reportSettings", "adminReportSettings");

        List<String> violations = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<String, String> e : endpoints.entrySet()) {
            check(e.getKey(), get(e.getKey()), e.getValue(), violations, seen);
        }
        check("users/delta", get(deltaLink.substring(sim.graphBaseUrl().length())), "user", violations, seen);
        check("groups/delta", get(groupDeltaLink.substring(sim.graphBaseUrl().length())), "group", violations, seen);
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        for (String expected : List.of("user.assignedLicenses", "user.licenseAssignmentStates", "user.manager", "group.members",
                "subscribedSku.prepaidUnits", "licenseUnitsDetail.enabled", "servicePrincipal.verifiedPublisher",
                "aadUserConversationMember.userId", "teamsAppDefinition.authorization", "unifiedRoleAssignment.principal",
                "organization.verifiedDomains", "adminReportSettings.displayConcealedNames", "user.signInActivity",
                "signInActivity.lastSuccessfulSignInRequestId", "user.employeeType", "user.lastPasswordChangeDateTime",
                "team.isArchived", "team.webUrl", "team.memberSettings", "teamFunSettings.giphyContentRating",
                "appRoleAssignment.resourceDisplayName", "servicePrincipal.appRoles", "appRole.value")) {
            assertTrue(seen.contains(expected), "the check covered " + expected + " (seen: " + seen.size() + ")");
        }
    }
}
