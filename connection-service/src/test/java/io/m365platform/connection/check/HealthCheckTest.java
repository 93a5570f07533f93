package io.m365platform.connection.check;

import io.m365platform.connection.support.Api;
import io.m365platform.connection.support.Beans;
import io.m365platform.connection.support.EventView;
import io.m365platform.connection.support.Events;
import io.m365platform.connection.support.Guide;
import io.m365platform.connection.support.Sim;
import io.m365platform.connection.support.SimulatorResource;
import io.m365platform.connection.support.TestApp;
import io.m365platform.connection.support.TestApps;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduled re-test of every connection and the warning ahead of a known secret expiry. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class HealthCheckTest {

    @AfterEach
    void resetClock() {
        Beans.clock().reset();
    }

    private static Set<String> readList() {
        return Guide.permissions("microsoft-365", "app-registration", "read");
    }

    @Test
    void theSecretExpiryComesFromTheAppRegistrationAndIsAnnouncedAhead() {
        TestApp app = TestApps.register(readList(), Set.of(), Duration.ofDays(45));
        JsonPath created = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(),
                "read").then().statusCode(201).body("status", equalTo("connected"))
                .body("statusReason", nullValue())
                .body("secretExpiry.known", equalTo(true)).body("secretExpiry.source", equalTo("graph"))
                .body("secretExpiry.warning", equalTo(false)).extract().jsonPath();
        assertEquals(app.secretExpiresAt().truncatedTo(ChronoUnit.SECONDS),
                Instant.parse(created.getString("secretExpiry.expiresAt")).truncatedTo(ChronoUnit.SECONDS));
        String id = created.getString("id");

        Beans.clock().advance(Duration.ofDays(20));
        int[] summary = Beans.runHealthCheck();
        assertTrue(summary[0] >= 1, "tested: " + summary[0]);
        Api.operator().get("/connections/" + id).then().statusCode(200)
                .body("status", equalTo("connected"))
                .body("secretExpiry.warning", equalTo(true))
                .body("statusReason", containsString("expires on"))
                .body("fix", containsString("rotate the connection's credentials before"));
        EventView warned = Events.log().await(id, "updated", e -> e.changedFields().contains("statusReason"));
        assertTrue(warned.changedFields().containsAll(List.of("statusReason", "fix")), warned.changedFields().toString());
        assertEquals("health-check", warned.by());
        assertTrue(warned.statusReason().contains("expires on"));
        assertEquals(app.secretExpiresAt().truncatedTo(ChronoUnit.SECONDS), warned.secretExpiresAt().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void withoutApplicationReadAllTheExpiryIsUnknownAndSaysWhy() {
        Set<String> permissions = new HashSet<>(readList());
        permissions.remove("Application.Read.All");
        TestApp app = TestApps.register(permissions, Set.of());
        Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read").then()
                .statusCode(201).body("secretExpiry.known", equalTo(false))
                .body("secretExpiry.note", containsString("grant Application.Read.All"))
                .body("capabilities.find { it.id == 'secret-expiry' }.missingPermissions",
                        equalTo(List.of("Application.Read.All")));
    }

    @Test
    void theHealthCheckFindsAnExpiredSecretAndPublishesTheChange() {
        TestApp app = TestApps.register(readList(), Set.of());
        String id = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .then().statusCode(201).body("status", equalTo("connected")).extract().path("id");
        Sim.expireSecrets(app.clientId(), null);
        Beans.runHealthCheck();
        Api.operator().get("/connections/" + id).then().body("status", equalTo("needs-reconnect"))
                .body("lastError.code", equalTo("AADSTS7000222"));
        assertEquals("connected", Events.log().awaitStatus(id, "needs-reconnect").previousStatus());
    }

    @Test
    void anAdminUserConnectionWaitingForItsSignInIsSkipped() {
        TestApp app = TestApps.register(Set.of(), Guide.permissions("microsoft-365", "admin-user", "read"));
        String id = Api.create("microsoft-365", "admin-user", Sim.tenantId(), app.clientId(), app.secret(), "read").path("id");
        int[] summary = Beans.runHealthCheck();
        assertTrue(summary[1] >= 1, "skipped: " + summary[1]);
        Api.operator().get("/connections/" + id).then().body("status", equalTo("pending"))
                .body("statusReason", containsString("sign in"));
        Api.operator().post("/connections/" + id + "/test").then().statusCode(409).body("error", equalTo("sign-in-required"));
    }
}
