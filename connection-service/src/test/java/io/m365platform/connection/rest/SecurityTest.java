package io.m365platform.connection.rest;

import io.m365platform.connection.support.Api;
import io.m365platform.connection.support.CapturedLogs;
import io.m365platform.connection.support.Beans;
import io.m365platform.connection.support.Database;
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
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint needs a bearer token with the right role; and no client secret, refresh token, access token or
 * authorization code of the whole test run is found in the logs, the REST responses (tokens aside, where the broker
 * must return them), the Kafka events or a dump of the schema.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
@Order(Integer.MAX_VALUE)
class SecurityTest {

    private static final String SOME_ID = "5f0c3a9e-8b1d-4c77-9a52-0d6a3e2b1c44";

    /** Every endpoint with the roles that may call it. */
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/connections", Set.of("admin")),
            new Endpoint("GET", "/connections", Set.of("operator", "admin")),
            new Endpoint("GET", "/connections/" + SOME_ID, Set.of("operator", "admin")),
            new Endpoint("PATCH", "/connections/" + SOME_ID, Set.of("admin")),
            new Endpoint("DELETE", "/connections/" + SOME_ID, Set.of("admin")),
            new Endpoint("POST", "/connections/" + SOME_ID + "/test", Set.of("operator", "admin")),
            new Endpoint("POST", "/connections/" + SOME_ID + "/credentials", Set.of("admin")),
            new Endpoint("POST", "/connections/" + SOME_ID + "/admin-user/start", Set.of("admin")),
            new Endpoint("POST", "/connections/" + SOME_ID + "/admin-user/callback", Set.of("admin")),
            new Endpoint("GET", "/setup/permissions", Set.of("operator", "admin")),
            new Endpoint("POST", "/admin/credentials/re-encrypt", Set.of("admin")),
            new Endpoint("GET", "/internal/connections/" + SOME_ID + "/graph-token", Set.of("service")));

    private record Endpoint(String method, String path, Set<String> roles) {
    }

    @Test
    void everyEndpointNeedsAValidBearerToken() {
        for (Endpoint e : ENDPOINTS) {
            assertEquals(401, call(RestAssured.given().contentType(ContentType.JSON), e), "no token: " + e);
            assertEquals(401, call(RestAssured.given().contentType(ContentType.JSON)
                    .header("Authorization", "Bearer not.a.token"), e), "garbage token: " + e);
        }
    }

    @Test
    void everyEndpointChecksTheRole() {
        for (Endpoint e : ENDPOINTS) {
            for (String role : List.of("operator", "admin", "service")) {
                int status = call(Api.as(role), e);
                if (e.roles().contains(role)) {
                    assertNotEquals(401, status, role + " on " + e);
                    assertNotEquals(403, status, role + " on " + e);
                } else {
                    assertEquals(403, status, role + " on " + e);
                }
            }
            assertEquals(403, call(Api.as("nobody"), e), "a token without a platform role: " + e);
        }
    }

    private static int call(RequestSpecification request, Endpoint e) {
        RequestSpecification r = e.method().equals("GET") || e.method().equals("DELETE") ? request : request.body("{}");
        return r.request(e.method(), e.path()).statusCode();
    }

    @Test
    void noSecretOrTokenLeaksIntoLogsResponsesEventsOrTheDatabase() throws Exception {
        exerciseEverythingThatHandlesSecrets();
        Events.log().settle();

        List<String> secrets = new ArrayList<>(TestApps.allSecrets());
        List<String> refreshTokens = refreshTokensOfStoredSignIns();
        List<String> accessTokens = brokeredAccessTokens();
        assertTrue(secrets.size() >= 5, "secrets used in this run: " + secrets.size());
        assertFalse(refreshTokens.isEmpty(), "an admin-user connection holds a refresh token");
        assertFalse(accessTokens.isEmpty(), "the broker handed out tokens");

        String logs = CapturedLogs.install().all();
        String responses = Api.allBodies();
        String kafka = Events.log().allRawText();
        String dump = Database.dump();
        assertTrue(CapturedLogs.install().size() > 20, "logs were captured");
        assertTrue(dump.contains("sealed_credentials"), "the dump covers the schema");

        Map<String, String> places = new LinkedHashMap<>();
        places.put("logs", logs);
        places.put("Kafka events", kafka);
        places.put("database dump", dump);
        for (Map.Entry<String, String> place : places.entrySet()) {
            assertNone(place.getKey(), place.getValue(), "client secret", secrets);
            assertNone(place.getKey(), place.getValue(), "refresh token", refreshTokens);
            assertNone(place.getKey(), place.getValue(), "access token", accessTokens);
            assertNone(place.getKey(), place.getValue(), "authorization code", Api.authorizationCodes());
        }
        assertNone("REST responses", responses, "client secret", secrets);
        assertNone("REST responses", responses, "refresh token", refreshTokens);
        assertNone("REST responses", responses, "authorization code", Api.authorizationCodes());
    }

    @Test
    void onlyCiphertextColumnsHoldCredentials() throws Exception {
        assertEquals(List.of("admin_sign_ins.code_verifier", "sealed_credentials.ciphertext"), Database.binaryColumns());
    }

    private static void assertNone(String where, String text, String what, List<String> values) {
        for (String value : values) {
            assertFalse(text.contains(value), "a " + what + " (" + value.substring(0, 4) + "…) was found in the " + where);
        }
    }

    /** Creation, test, broker, rotation (good and bad), admin sign-in, re-sign-in and deletion. */
    private void exerciseEverythingThatHandlesSecrets() {
        Set<String> appPermissions = Guide.permissions("microsoft-365", "app-registration", "read");
        TestApp app = TestApps.register(appPermissions, Set.of());
        String id = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .then().statusCode(201).extract().path("id");
        Api.kept(Api.service().get("/internal/connections/" + id + "/graph-token")).then().statusCode(200);
        Api.kept(Api.operator().post("/connections/" + id + "/test")).then().statusCode(200);
        Api.kept(Api.admin().body(Map.of("clientSecret", TestApps.remember("Bad~" + UUID.randomUUID())))
                .post("/connections/" + id + "/credentials")).then().statusCode(422);
        String next = TestApps.addSecret(app.clientId(), Duration.ofDays(90));
        Api.kept(Api.admin().body(Map.of("clientSecret", next)).post("/connections/" + id + "/credentials"))
                .then().statusCode(200);
        Api.kept(Api.service().get("/internal/connections/" + id + "/graph-token")).then().statusCode(200);

        Set<String> delegated = Guide.permissions("microsoft-teams", "admin-user", "read-write");
        TestApp adminApp = TestApps.register(Set.of(), delegated);
        String adminId = Api.create("microsoft-teams", "admin-user", Sim.tenantId(), adminApp.clientId(),
                adminApp.secret(), "read-write").path("id");
        Api.signIn(adminId).then().statusCode(200).body("status", equalTo("connected"));
        Api.kept(Api.service().get("/internal/connections/" + adminId + "/graph-token")).then().statusCode(200);
        Api.kept(Api.operator().post("/connections/" + adminId + "/test")).then().statusCode(200);
        Api.signIn(adminId).then().statusCode(200);
        Api.kept(Api.operator().get("/connections")).then().statusCode(200);

        TestApp doomed = TestApps.register(appPermissions, Set.of());
        String doomedId = Api.create("microsoft-365", "app-registration", Sim.tenantId(), doomed.clientId(),
                doomed.secret(), "read").path("id");
        Api.admin().delete("/connections/" + doomedId).then().statusCode(204);
    }

    /** The refresh tokens inside the sealed msal4j caches of every admin-user connection. */
    private static List<String> refreshTokensOfStoredSignIns() throws Exception {
        List<String> tokens = new ArrayList<>();
        Pattern secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
        for (UUID id : Database.connectionsWithTokenCache()) {
            String cache = Beans.openTokenCache(id);
            int start = cache.indexOf("\"RefreshToken\"");
            assertTrue(start >= 0, "msal4j's cache holds a refresh token");
            Matcher m = secret.matcher(cache.substring(start));
            while (m.find()) {
                tokens.add(m.group(1));
            }
        }
        return tokens;
    }

    private static List<String> brokeredAccessTokens() {
        List<String> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(Api.allBodies());
        while (m.find()) {
            tokens.add(m.group(1));
        }
        return tokens;
    }
}
