package io.m365platform.usage.rest;

import io.m365platform.contracts.connection.ConnectionCreated;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionState;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.service.events.EventPublisher;
import io.m365platform.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Bad input is a 400 that names the field; unknown connections are 404; triggers need the operator role. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class UsageResourceValidationTest {

    private static String connectionId;

    @Inject
    EventPublisher publisher;

    @BeforeEach
    void knownConnection() {
        if (connectionId != null) {
            return;
        }
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        // No Reports.Read.All: the connection is known, nothing is ingested for it.
        ConnectionState state = new ConnectionState(id, UUID.randomUUID().toString(), Product.MICROSOFT_365,
                ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ, "Contoso", ConnectionStatus.CONNECTED, null,
                null, UUID.randomUUID().toString(), List.of("User.Read.All"), List.of(), null, now, now, now);
        EventPublisher.await(publisher.publish(new ConnectionCreated(state, "test", now)), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(120)).until(() -> given().auth().oauth2(operator())
                .get("/usage/connections/" + id + "/apps").statusCode() == 200);
        connectionId = id;
    }

    @Test
    void badPagingAndFiltersAre400WithTheField() {
        String base = "/usage/connections/" + connectionId;
        given().auth().oauth2(operator()).get(base + "/users?limit=abc").then().statusCode(400)
                .body("problems[0].field", equalTo("limit"));
        given().auth().oauth2(operator()).get(base + "/users?limit=0").then().statusCode(400)
                .body("message", containsString("between 1 and 1000"));
        given().auth().oauth2(operator()).get(base + "/licenses/not-a-guid/inactive-users").then().statusCode(400)
                .body("problems[0].field", equalTo("skuId"));
        given().auth().oauth2(operator()).get(base + "/licenses/" + UUID.randomUUID()
                + "/inactive-users?assignment=sometimes").then().statusCode(400)
                .body("problems[0].field", equalTo("assignment"));
        given().auth().oauth2(operator()).contentType("application/json").body("{}")
                .put(base + "/ingestion/unconceal").then().statusCode(400)
                .body("problems[0].field", equalTo("enabled"));
    }

    @Test
    void unknownConnectionsAre404AndEmptyWindowsAreEmpty() {
        given().auth().oauth2(operator()).get("/usage/connections/" + UUID.randomUUID() + "/apps").then()
                .statusCode(404);
        given().auth().oauth2(operator()).get("/usage/connections/" + connectionId + "/licenses").then()
                .statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(operator()).get("/usage/connections/" + connectionId + "/ingestion").then()
                .statusCode(404).body("message", containsString("Reports.Read.All"));
    }

    @Test
    void triggersNeedTheOperatorRole() {
        given().auth().oauth2(token("svc", "service")).post("/usage/connections/" + connectionId + "/ingestion")
                .then().statusCode(403);
        given().auth().oauth2(token("svc", "service")).get("/usage/connections/" + connectionId + "/apps")
                .then().statusCode(200);
        given().auth().oauth2(token("bob", "admin")).get("/usage/connections/" + connectionId + "/apps")
                .then().statusCode(403);
    }

    private static String operator() {
        return token("alice", "operator");
    }

    private static String token(String user, String role) {
        return OidcWiremockTestResource.getAccessToken(user, Set.of(role));
    }
}
