package io.m365platform.connection.adminuser;

import io.m365platform.connection.support.Api;
import io.m365platform.connection.support.Guide;
import io.m365platform.connection.support.Sim;
import io.m365platform.connection.support.SimulatorResource;
import io.m365platform.connection.support.TestApp;
import io.m365platform.connection.support.TestApps;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin-user sign-in: authorization URL with state and PKCE, and every way a callback can be wrong. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class AdminSignInTest {

    private static String adminUserConnection() {
        TestApp app = TestApps.register(Set.of(), Guide.permissions("microsoft-365", "admin-user", "read"));
        return Api.create("microsoft-365", "admin-user", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .then().statusCode(201).body("status", equalTo("pending"))
                .body("statusReason", containsString("administrator")).extract().path("id");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> q = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void startGivesEntrasAuthorizationUrlWithStateAndPkce() {
        String id = adminUserConnection();
        Response started = Api.kept(Api.admin().body(Map.of("loginHint", Sim.adminUpn()))
                .post("/connections/" + id + "/admin-user/start"));
        started.then().statusCode(200);
        String url = started.path("authorizationUrl");
        assertTrue(url.startsWith(SimulatorResource.simulator().baseUrl() + "/" + Sim.tenantId() + "/oauth2/v2.0/authorize"), url);
        Map<String, String> q = query(url);
        assertEquals(started.path("state"), q.get("state"));
        assertEquals("S256", q.get("code_challenge_method"));
        assertTrue(q.get("code_challenge").matches("[A-Za-z0-9_-]{43}"), q.get("code_challenge"));
        assertEquals("code", q.get("response_type"));
        assertEquals(SimulatorResource.REDIRECT_URI, q.get("redirect_uri"));
        assertTrue(q.get("scope").contains("offline_access"), q.get("scope"));
        assertEquals(Sim.adminUpn(), q.get("login_hint"));
        assertTrue(!url.contains("code_verifier"), "the verifier stays server-side");
    }

    @Test
    void aStateIsSingleUseAndBelongsToItsConnection() {
        String id = adminUserConnection();
        String other = adminUserConnection();
        String url = Api.admin().body("{}").post("/connections/" + id + "/admin-user/start").path("authorizationUrl");
        Map<String, String> redirect = Api.followAuthorization(url);

        Api.admin().body(Map.of("state", redirect.get("state"), "code", redirect.get("code")))
                .post("/connections/" + other + "/admin-user/callback").then().statusCode(400)
                .body("error", equalTo("invalid-sign-in"));
        // The mismatch consumed the state: the rightful callback is refused too, and the admin simply starts again.
        Api.admin().body(Map.of("state", redirect.get("state"), "code", redirect.get("code")))
                .post("/connections/" + id + "/admin-user/callback").then().statusCode(400)
                .body("message", containsString("already used"));
        Api.signIn(id).then().statusCode(200).body("status", equalTo("connected"));
        Api.admin().body(Map.of("state", "forged", "code", "x")).post("/connections/" + id + "/admin-user/callback")
                .then().statusCode(400).body("error", equalTo("invalid-sign-in"));
        Api.admin().body(Map.of("code", "x")).post("/connections/" + id + "/admin-user/callback")
                .then().statusCode(400).body("problems.field", equalTo(java.util.List.of("state")));
    }

    @Test
    void anErrorFromEntraIsRecordedAndReported() {
        String id = adminUserConnection();
        String state = Api.admin().body("{}").post("/connections/" + id + "/admin-user/start").path("state");
        Api.admin().body(Map.of("state", state, "error", "access_denied", "errorDescription", "AADSTS65004: User declined to consent"))
                .post("/connections/" + id + "/admin-user/callback").then().statusCode(400)
                .body("error", equalTo("invalid-sign-in")).body("message", containsString("access_denied"));
        Api.operator().get("/connections/" + id).then().body("status", equalTo("pending"))
                .body("lastError.code", equalTo("sign-in-access_denied"));
    }

    @Test
    void appRegistrationConnectionsHaveNoSignIn() {
        TestApp app = TestApps.register(Guide.permissions("microsoft-365", "app-registration", "read"), Set.of());
        String id = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .path("id");
        Api.admin().body("{}").post("/connections/" + id + "/admin-user/start").then().statusCode(409)
                .body("error", equalTo("not-admin-user"));
    }
}
