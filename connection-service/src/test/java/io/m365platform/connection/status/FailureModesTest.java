package io.m365platform.connection.status;

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
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way a token request can fail, classified from its AADSTS code into the right status, reason, fix and
 * event, through the connection test, the token broker and the admin sign-in; transient failures are retried and
 * leave the status alone.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class FailureModesTest {

    private static TestApp m365App() {
        return TestApps.register(Guide.permissions("microsoft-365", "app-registration", "read"), Set.of());
    }

    private static String connect(TestApp app) {
        return Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .then().statusCode(201).body("status", equalTo("connected")).extract().path("id");
    }

    @Test
    void anInvalidSecretNeedsAReconnect() {
        TestApp app = m365App();
        Response created = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(),
                TestApps.remember("wrong" + app.secret()), "read");
        created.then().statusCode(201).body("status", equalTo("needs-reconnect"))
                .body("statusReason", containsString("(AADSTS7000215)"))
                .body("fix", containsString("rotate"))
                .body("lastTest.outcome", equalTo("failed"))
                .body("lastError.code", equalTo("AADSTS7000215"));
        String id = created.path("id");
        EventView event = Events.log().awaitStatus(id, "needs-reconnect");
        assertEquals("pending", event.previousStatus());
        assertTrue(event.statusReason().contains("AADSTS7000215"));
        assertTrue(event.fix().contains("client secret"));
        Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(409)
                .body("error", equalTo("connection-not-usable")).body("status", equalTo("needs-reconnect"))
                .body("fix", containsString("rotate"));
    }

    @Test
    void anExpiredSecretFoundByATestNeedsAReconnect() {
        TestApp app = m365App();
        String id = connect(app);
        Sim.expireSecrets(app.clientId(), null);
        Api.kept(Api.operator().post("/connections/" + id + "/test")).then().statusCode(200)
                .body("status", equalTo("needs-reconnect"))
                .body("statusReason", containsString("has expired (AADSTS7000222)"))
                .body("fix", containsString("expired"));
        assertEquals("connected", Events.log().awaitStatus(id, "needs-reconnect").previousStatus());
    }

    @Test
    void anExpiredSecretFoundByTheBrokerFlipsTheStatusAtOnce() {
        TestApp app = m365App();
        String id = connect(app);
        Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(200);
        Sim.expireSecrets(app.clientId(), null);
        Beans.forgetCachedTokens(app.clientId());
        Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(409)
                .body("status", equalTo("needs-reconnect"));
        assertEquals("connected", Events.log().awaitStatus(id, "needs-reconnect").previousStatus());
        Api.operator().get("/connections/" + id).then().body("status", equalTo("needs-reconnect"))
                .body("lastError.code", equalTo("AADSTS7000222"));
    }

    @Test
    void anUnknownTenantIsAnError() {
        TestApp app = m365App();
        Response created = Api.create("microsoft-365", "app-registration", "no-such-tenant.onmicrosoft.com",
                app.clientId(), app.secret(), "read");
        created.then().statusCode(201).body("status", equalTo("error"))
                .body("statusReason", equalTo("Tenant no-such-tenant.onmicrosoft.com does not exist (AADSTS90002)."))
                .body("fix", containsString("tenant"));
        EventView event = Events.log().awaitStatus(created.path("id"), "error");
        assertEquals("no-such-tenant.onmicrosoft.com", event.tenantId(), "no GUID is known yet");
    }

    @Test
    void anAppThatIsNotInTheTenantMissesPermissions() {
        Response created = Api.create("microsoft-365", "app-registration", Sim.tenantId(), UUID.randomUUID().toString(),
                TestApps.remember("Whatever~" + UUID.randomUUID()), "read");
        created.then().statusCode(201).body("status", equalTo("permissions-missing"))
                .body("statusReason", containsString("(AADSTS700016)"))
                .body("fix", containsString("admin consent"));
        Events.log().awaitStatus(created.path("id"), "permissions-missing");
        Api.service().get("/internal/connections/" + created.path("id") + "/graph-token").then().statusCode(409)
                .body("status", equalTo("permissions-missing"));
    }

    @Test
    void anAppWithoutConsentedPermissionsMissesThemAll() {
        TestApp app = TestApps.register(Set.of(), Set.of());
        Response created = Api.create("microsoft-teams", "app-registration", Sim.tenantId(), app.clientId(), app.secret(),
                "read");
        created.then().statusCode(201).body("status", equalTo("permissions-missing"))
                .body("statusReason", containsString("carries no Microsoft Graph application permission"))
                .body("fix", containsString("TeamMember.Read.All"))
                .body("grantedPermissions.size()", equalTo(0))
                .body("capabilities.find { it.id == 'sync-channels' }.missingPermissions",
                        equalTo(List.of("Channel.ReadBasic.All")));
        String id = created.path("id");
        Events.log().awaitStatus(id, "permissions-missing");
        Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(409)
                .body("error", equalTo("connection-not-usable")).body("status", equalTo("permissions-missing"));
    }

    @Test
    void consentRevokedLaterIsSeenByTheBroker() {
        TestApp app = m365App();
        String id = connect(app);
        Sim.revokeConsent(app.clientId());
        Beans.forgetCachedTokens(app.clientId());
        Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(409)
                .body("status", equalTo("permissions-missing"));
        EventView event = Events.log().awaitStatus(id, "permissions-missing");
        assertEquals("connected", event.previousStatus());
        assertTrue(event.grantedPermissions().isEmpty());
        // Consent granted again: the next test reconnects it.
        Sim.setPermissions(app.clientId(), Guide.permissions("microsoft-365", "app-registration", "read"), Set.of());
        Api.operator().post("/connections/" + id + "/test").then().statusCode(200).body("status", equalTo("connected"));
        Events.log().await(id, "status-changed",
                e -> e.status().equals("connected") && "permissions-missing".equals(e.previousStatus()));
    }

    @Test
    void anExpiredRefreshTokenNeedsTheAdminToSignInAgain() {
        TestApp app = TestApps.register(Set.of(), Guide.permissions("microsoft-365", "admin-user", "read"));
        String id = Api.create("microsoft-365", "admin-user", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .path("id");
        Api.signIn(id).then().statusCode(200).body("status", equalTo("connected"));
        Sim.expireRefreshTokens();
        Api.kept(Api.operator().post("/connections/" + id + "/test")).then().statusCode(200)
                .body("status", equalTo("needs-reconnect"))
                .body("statusReason", containsString("(AADSTS700082)"))
                .body("fix", containsString("signing in as the admin user again"));
        assertEquals("connected", Events.log().awaitStatus(id, "needs-reconnect").previousStatus());
        // Signing in again repairs it and counts as new credentials.
        Api.signIn(id).then().statusCode(200).body("status", equalTo("connected"));
        Events.log().await(id, "status-changed",
                e -> e.status().equals("connected") && "needs-reconnect".equals(e.previousStatus()));
        assertEquals("admin-user", Events.log().await(id, "credentials-rotated").by());
    }

    @Test
    void aSignInWithoutConsentedDelegatedPermissionsMissesPermissions() {
        TestApp app = TestApps.register(Guide.permissions("microsoft-365", "app-registration", "read"), Set.of());
        String id = Api.create("microsoft-365", "admin-user", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .path("id");
        Api.signIn(id).then().statusCode(200).body("status", equalTo("permissions-missing"))
                .body("statusReason", containsString("(AADSTS65001)"));
        Events.log().awaitStatus(id, "permissions-missing");
    }

    @Test
    void transientFailuresAreRetriedAndLeaveTheStatusAlone() {
        TestApp app = m365App();
        String id = connect(app);
        // The outbox publishes the new connection's events after the response: count them once they are all in.
        Events.log().awaitStatus(id, "connected");
        int eventsBefore = Events.log().types(id).size();

        String outage = Sim.tokenEndpointUnavailable(0);
        long before = Sim.tokenRequests(503);
        try {
            JsonPath tested = Api.kept(Api.operator().post("/connections/" + id + "/test")).then().statusCode(200)
                    .body("status", equalTo("connected"))
                    .body("lastTest.outcome", equalTo("inconclusive"))
                    .body("lastError.code", notNullValue())
                    .extract().jsonPath();
            assertTrue(tested.getString("lastError.message").contains("HTTP 503"), tested.prettify());
            assertTrue(Sim.tokenRequests(503) - before >= 3, "retried: " + (Sim.tokenRequests(503) - before));
            Beans.forgetCachedTokens(app.clientId());
            Api.kept(Api.service().get("/internal/connections/" + id + "/graph-token")).then().statusCode(503)
                    .header("Retry-After", notNullValue()).body("error", equalTo("token-unavailable"));
        } finally {
            Sim.removeFault(outage);
        }
        Events.log().settle();
        assertEquals(eventsBefore, Events.log().types(id).size(), "no status change, no event: " + Events.log().types(id));

        // One failure, then success: the retry absorbs it.
        String blip = Sim.tokenEndpointUnavailable(1);
        try {
            Beans.forgetCachedTokens(app.clientId());
            Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(200);
            assertEquals(1, Sim.faultFired(blip));
        } finally {
            Sim.removeFault(blip);
        }
        Api.operator().get("/connections/" + id).then().body("status", equalTo("connected"));
    }
}
