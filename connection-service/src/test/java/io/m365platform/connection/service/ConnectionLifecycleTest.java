package io.m365platform.connection.service;

import io.m365platform.connection.support.Api;
import io.m365platform.connection.support.EventView;
import io.m365platform.connection.support.Guide;
import io.m365platform.connection.support.TestApp;
import io.m365platform.connection.support.Events;
import io.m365platform.connection.support.Sim;
import io.m365platform.connection.support.SimulatorResource;
import io.m365platform.connection.support.TestApps;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Create, read, list, change and delete connections through the REST API, with their events on Kafka. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class ConnectionLifecycleTest {

    private static Set<String> guideList(String product, String level) {
        return Guide.permissions(product, "app-registration", level);
    }

    @Test
    void createTestsAtOnceAndPublishesCreatedThenStatusChanged() {
        TestApp app = TestApps.register(guideList("microsoft-365", "read"), Set.of());
        Response created = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read");
        created.then().statusCode(201).header("Location", containsString("/connections/"))
                .body("status", equalTo("connected"))
                .body("tenantId", equalTo(Sim.tenantId()))
                .body("lastTest.outcome", equalTo("succeeded"))
                .body("capabilities.id", hasItem("sync-users"))
                .body("secretExpiry.known", notNullValue());
        assertFalse(created.asString().contains(app.secret()), "the secret is never returned");
        String id = created.path("id");

        EventView first = Events.log().await(id, "created");
        assertEquals("pending", first.status());
        assertEquals("admin-user", first.by());
        EventView connected = Events.log().await(id, "status-changed");
        assertEquals("pending", connected.previousStatus());
        assertEquals("connected", connected.status());
        assertEquals(Sim.tenantId(), connected.tenantId());
        assertTrue(connected.grantedPermissions().contains("User.Read.All"));
        assertEquals(List.of("created", "status-changed"), Events.log().types(id));

        Api.kept(Api.operator().get("/connections/" + id)).then().statusCode(200)
                .body("id", equalTo(id)).body("displayName", equalTo("microsoft-365 app-registration read"));
    }

    @Test
    void aVerifiedDomainWorksAsTenant() {
        TestApp app = TestApps.register(guideList("microsoft-teams", "read"), Set.of());
        String domain = Sim.defaultDomain();
        Response created = Api.create("microsoft-teams", "app-registration", domain.toUpperCase(), app.clientId(),
                app.secret(), "read");
        created.then().statusCode(201).body("status", equalTo("connected"))
                .body("tenant", equalTo(domain.toLowerCase())).body("tenantId", equalTo(Sim.tenantId()));
    }

    @Test
    void listFiltersAndPages() {
        TestApp app = TestApps.register(guideList("microsoft-teams", "read"), Set.of());
        for (int i = 0; i < 3; i++) {
            Api.create("microsoft-teams", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                    .then().statusCode(201);
        }
        Response page = Api.kept(Api.operator().queryParam("product", "microsoft-teams").queryParam("limit", 2)
                .get("/connections"));
        page.then().statusCode(200).body("items.size()", equalTo(2)).body("nextOffset", equalTo(2));
        List<String> products = page.path("items.product");
        assertTrue(products.stream().allMatch("microsoft-teams"::equals));
        Api.operator().queryParam("status", "connected").queryParam("tenant", Sim.tenantId()).get("/connections")
                .then().statusCode(200).body("items.status", org.hamcrest.Matchers.everyItem(equalTo("connected")));
        Api.operator().queryParam("status", "sleeping").get("/connections").then().statusCode(400)
                .body("error", equalTo("invalid-request")).body("message", containsString("status"));
        Api.operator().queryParam("limit", 0).get("/connections").then().statusCode(400);
    }

    @Test
    void raisingTheLevelReevaluatesAndRenamingIsAnUpdate() {
        TestApp app = TestApps.register(guideList("microsoft-365", "read"), Set.of());
        String id = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .path("id");
        Events.log().awaitStatus(id, "connected");

        Api.kept(Api.admin().body(Map.of("displayName", "Contoso (renamed)")).patch("/connections/" + id))
                .then().statusCode(200).body("displayName", equalTo("Contoso (renamed)"));
        EventView renamed = Events.log().await(id, "updated");
        assertEquals(List.of("displayName"), renamed.changedFields());
        assertEquals("admin-user", renamed.by());

        Response raised = Api.kept(Api.admin().body(Map.of("permissionLevel", "read-write")).patch("/connections/" + id));
        raised.then().statusCode(200).body("status", equalTo("permissions-missing"))
                .body("missingPermissions", hasItem("User.ReadWrite.All"))
                .body("capabilities.find { it.id == 'create-user' }.state", equalTo("missing-permissions"));
        EventView missing = Events.log().awaitStatus(id, "permissions-missing");
        assertEquals("read-write", missing.permissionLevel());
        assertTrue(missing.missingPermissions().contains("MailboxSettings.ReadWrite"));

        Api.admin().body("{}").patch("/connections/" + id).then().statusCode(400);
        Api.admin().body(Map.of("displayName", "   ")).patch("/connections/" + id).then().statusCode(400);
    }

    @Test
    void deletePublishesDeletedAndATombstoneAndForgetsTheConnection() {
        TestApp app = TestApps.register(guideList("microsoft-365", "read"), Set.of());
        String id = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .path("id");
        Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(200);
        Api.admin().delete("/connections/" + id).then().statusCode(204);
        EventView deleted = Events.log().await(id, "deleted");
        assertEquals("admin-user", deleted.by());
        assertEquals(Sim.tenantId(), deleted.tenantId());
        Events.log().awaitTombstone(id);
        Api.operator().get("/connections/" + id).then().statusCode(404).body("error", equalTo("not-found"));
        Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(404);
        Api.admin().delete("/connections/" + id).then().statusCode(404);
    }

    @Test
    void invalidInputIsA400ThatSaysWhatIsWrong() {
        Api.admin().body("{}").post("/connections").then().statusCode(400)
                .body("error", equalTo("invalid-request"))
                .body("problems.field", org.hamcrest.Matchers.hasItems("product", "method", "tenant", "clientId",
                        "clientSecret", "permissionLevel", "displayName"));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("product", "microsoft-365", "method", "app-registration",
                "tenant", "contoso.onmicrosoft.com", "clientId", "not-a-guid", "clientSecret", "x",
                "permissionLevel", "read", "displayName", "x"));
        Api.admin().body(body).post("/connections").then().statusCode(400)
                .body("problems.field", equalTo(List.of("clientId")));
        body.put("clientId", "8a1f3c52-4c4e-4a0e-9b1e-2f6d5c7b9e01");
        body.put("tenant", "common");
        Api.admin().body(body).post("/connections").then().statusCode(400)
                .body("problems.field", equalTo(List.of("tenant")));
        body.put("tenant", "https://evil.example/x");
        Api.admin().body(body).post("/connections").then().statusCode(400)
                .body("problems.field", equalTo(List.of("tenant")));
        body.put("tenant", "contoso.onmicrosoft.com");
        body.put("product", "microsoft-dynamics");
        Api.admin().body(body).post("/connections").then().log().ifValidationFails().statusCode(400)
                .body("error", equalTo("invalid-json")).body("message", containsString("product"));
        Api.admin().body("{not json").post("/connections").then().statusCode(400).body("error", equalTo("invalid-json"));
        Api.operator().get("/connections/not-a-uuid").then().statusCode(400).body("problems.field", equalTo(List.of("id")));
    }

    @Test
    void setupListsThePermissionsToGrantWithTheirTable() {
        Api.operator().queryParam("product", "microsoft-teams").queryParam("method", "admin-user")
                .queryParam("level", "read-write").get("/setup/permissions").then().statusCode(200)
                .body("permissionType", equalTo("delegated"))
                .body("permissions", hasItem("ChannelMessage.Send"))
                .body("capabilities.find { it.id == 'channel-messages' }.state", equalTo("available"));
        Api.operator().queryParam("product", "microsoft-365").get("/setup/permissions").then().statusCode(400)
                .body("problems.field", equalTo(List.of("method")));
    }
}
