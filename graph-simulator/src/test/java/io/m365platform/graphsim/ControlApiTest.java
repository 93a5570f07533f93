package io.m365platform.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graphsim.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST control API under /_sim. */
class ControlApiTest {
    static GraphSimulator sim;
    static HttpClient http;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start();
        http = HttpClient.newBuilder().sslContext(sim.clientSslContext()).build();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tenantLifecycleMutationsFaultsAndCounters() throws Exception {
        HttpResponse<String> pem = call("GET", "/_sim/certificate.pem", null);
        assertTrue(pem.body().startsWith("-----BEGIN CERTIFICATE-----"));

        HttpResponse<String> created = call("POST", "/_sim/tenants", "{\"seed\":3,\"users\":50,\"name\":\"ctl\",\"demoApp\":true}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode tenant = Json.MAPPER.readTree(created.body());
        String id = tenant.get("id").asText();
        assertEquals(50, tenant.get("users").asInt());
        String clientId = tenant.at("/demoApp/clientId").asText();
        assertFalse(tenant.at("/demoApp/secrets/0/value").asText().isEmpty(), "the secret is shown once at creation");

        JsonNode apps = Json.MAPPER.readTree(call("GET", "/_sim/tenants/" + id + "/apps", null).body());
        assertFalse(apps.toString().contains(tenant.at("/demoApp/secrets/0/value").asText()), "secrets are never returned again");

        JsonNode user = Json.MAPPER.readTree(call("POST", "/_sim/tenants/ctl.onmicrosoft.com/users",
                "{\"displayName\":\"Zoë Control\",\"userPrincipalName\":\"zoe@ctl.example.com\",\"usageLocation\":\"FR\"}").body());
        String userId = user.get("id").asText();
        assertEquals(200, call("PATCH", "/_sim/tenants/" + id + "/users/" + userId, "{\"accountEnabled\":false,\"department\":\"Legal\"}").statusCode());
        assertEquals(400, call("PATCH", "/_sim/tenants/" + id + "/users/" + userId, "{\"shoeSize\":42}").statusCode());
        JsonNode licensed = Json.MAPPER.readTree(call("POST", "/_sim/tenants/" + id + "/users/" + userId + "/licenses",
                "{\"add\":[\"f30db892-07e9-47e9-837c-80727f46fd3d\"],\"remove\":[]}").body());
        assertEquals(1, licensed.get("assignedLicenses").size());
        assertEquals(404, call("DELETE", "/_sim/tenants/" + id + "/users/00000000-0000-0000-0000-000000000000", null).statusCode());
        assertEquals(204, call("DELETE", "/_sim/tenants/" + id + "/users/" + userId, null).statusCode());

        assertEquals(201, call("POST", "/_sim/faults", "{\"type\":\"status\",\"status\":429,\"retryAfterSeconds\":3,\"path\":\"/v1.0/users*\",\"times\":1}").statusCode());
        assertEquals(400, call("POST", "/_sim/faults", "{\"type\":\"status\"}").statusCode());
        assertEquals(1, Json.MAPPER.readTree(call("GET", "/_sim/faults", null).body()).size());
        assertEquals(204, call("POST", "/_sim/tenants/" + id + "/delta/expire", "{\"code\":\"resyncRequired\"}").statusCode());
        assertEquals(400, call("POST", "/_sim/tenants/" + id + "/delta/expire", "{\"code\":\"nonsense\"}").statusCode());
        assertEquals(204, call("POST", "/_sim/tenants/" + id + "/apps/" + clientId + "/expire-secrets", null).statusCode());

        JsonNode counters = Json.MAPPER.readTree(call("GET", "/_sim/counters", null).body());
        assertEquals(1, counters.at("/POST ~1_sim~1tenants/201").asInt(), counters.toString());
        JsonNode fixture = Json.MAPPER.readTree(call("GET", "/_sim/tenants/" + id + "/fixture", null).body());
        assertEquals(50, fixture.get("users").size());
        assertEquals(404, call("GET", "/_sim/tenants/nope", null).statusCode());
        assertEquals(400, call("POST", "/_sim/tenants", "{\"users\":0}").statusCode());
        assertEquals(409, call("POST", "/_sim/tenants", "{\"seed\":3,\"users\":5,\"name\":\"ctl\"}").statusCode());
        assertEquals(204, call("POST", "/_sim/reset", null).statusCode());
        assertEquals(0, Json.MAPPER.readTree(call("GET", "/_sim/faults", null).body()).size());
    }
}
