package io.m365platform.connection.broker;

import io.m365platform.connection.support.Api;
import io.m365platform.connection.support.Guide;
import io.m365platform.connection.support.TestApp;
import io.m365platform.connection.support.Sim;
import io.m365platform.connection.support.SimulatorResource;
import io.m365platform.connection.support.TestApps;
import io.m365platform.graph.token.JwtClaims;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The internal token broker: contract shape, msal4j's cache at work, both methods, a token Graph accepts. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class TokenBrokerTest {

    @Inject
    DataSource dataSource;

    @Test
    void answersTheContractAndServesRepeatedRequestsFromTheCache() throws Exception {
        Set<String> permissions = Guide.permissions("microsoft-teams", "app-registration", "read");
        TestApp app = TestApps.register(permissions, Set.of());
        String id = Api.create("microsoft-teams", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .path("id");

        long before = Sim.tokenRequests(200);
        JsonPath first = Api.kept(Api.service().get("/internal/connections/" + id + "/graph-token")).then()
                .statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("connectionId", equalTo(id)).body("tenantId", equalTo(Sim.tenantId()))
                .body("method", equalTo("app-registration"))
                .extract().jsonPath();
        assertEquals(new TreeSet<>(permissions), new TreeSet<>(first.getList("grantedPermissions", String.class)));
        Instant expiresAt = Instant.parse(first.getString("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofMinutes(30))), "expiresAt " + expiresAt);
        String token = first.getString("accessToken");
        assertEquals(Set.copyOf(permissions), JwtClaims.parse(token).orElseThrow().roles());

        for (int i = 0; i < 5; i++) {
            String again = Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(200)
                    .extract().path("accessToken");
            assertEquals(token, again, "served from msal4j's cache");
        }
        // The create's test fetched one (fresh) token; the six broker calls together at most one more.
        assertTrue(Sim.tokenRequests(200) - before <= 1, "token endpoint calls: " + (Sim.tokenRequests(200) - before));

        // Every token handed out is audited: who, for which connection, when — never the token itself.
        assertEquals(List.of("service-user"), auditedCallers(id).stream().distinct().toList());
        assertEquals(6, auditedCallers(id).size(), "one audit row per token handed out");

        // Graph accepts the brokered token.
        HttpClient client = HttpClient.newBuilder().sslContext(Sim.trust()).build();
        HttpResponse<String> users = client.send(HttpRequest.newBuilder(
                        URI.create(Sim.graphBaseUrl() + "/users?$top=1"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, users.statusCode(), users.body());
    }

    @Test
    void brokersDelegatedTokensOfTheAdminUser() {
        Set<String> permissions = Guide.permissions("microsoft-365", "admin-user", "read");
        TestApp app = TestApps.register(Set.of(), permissions);
        String id = Api.create("microsoft-365", "admin-user", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .path("id");
        Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(409)
                .body("status", equalTo("pending"));
        Api.signIn(id).then().statusCode(200);
        String token = Api.kept(Api.service().get("/internal/connections/" + id + "/graph-token")).then()
                .statusCode(200).body("method", equalTo("admin-user")).extract().path("accessToken");
        JwtClaims claims = JwtClaims.parse(token).orElseThrow();
        assertTrue(claims.isDelegated());
        assertEquals(permissions, claims.scopes());
        String again = Api.service().get("/internal/connections/" + id + "/graph-token").then().statusCode(200)
                .extract().path("accessToken");
        assertEquals(token, again, "the sealed token cache answers until the token nears expiry");
    }

    @Test
    void unknownConnectionsAre404AndMalformedIds400() {
        Api.service().get("/internal/connections/" + UUID.randomUUID() + "/graph-token").then().statusCode(404)
                .body("error", equalTo("not-found"));
        Api.service().get("/internal/connections/nope/graph-token").then().statusCode(400);
    }

    private List<String> auditedCallers(String connectionId) throws Exception {
        List<String> callers = new ArrayList<>();
        try (var db = dataSource.getConnection(); var s = db.prepareStatement(
                "select caller from token_audit where connection_id = ?::uuid order by id")) {
            s.setString(1, connectionId);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    callers.add(r.getString(1));
                }
            }
        }
        return callers;
    }
}
