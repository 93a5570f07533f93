package io.m365platform.action.rest;

import io.m365platform.action.connection.ConnectionStore;
import io.m365platform.action.support.ResultsTopic;
import io.m365platform.contracts.action.ActionRejected;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.model.RoleAssignment;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.testsupport.graph.ConnectedTenants;
import io.m365platform.testsupport.graph.InjectSimulator;
import io.m365platform.testsupport.kafka.InjectKafkaCompanion;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operators over REST: submit, batch, dry-run, approval by a second operator, cancel, get and list; 400s. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionsResourceTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @InjectSimulator
    GraphSimulator sim;

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Inject
    ConnectedTenants tenants;

    @Inject
    ConnectionStore connections;

    ResultsTopic results;
    ConnectedTenants.TestConnection c;
    List<User> users;

    @BeforeAll
    void connect() {
        results = new ResultsTopic(kafka);
        Tenant tenant = sim.tenants().generate(new GenerationSpec(601, 40, "rest-rw"));
        c = tenants.connect(tenant, Set.of("User.ReadWrite.All", "Group.ReadWrite.All"), Product.MICROSOFT_365,
                ConnectionMethod.APP_REGISTRATION, PermissionLevel.READ_WRITE);
        await().atMost(WAIT).until(() -> connections.find(c.connectionId()).isPresent());
        Set<String> admins = tenant.read(() -> tenant.roleAssignmentList().stream().map(RoleAssignment::principalId)
                .collect(Collectors.toSet()));
        users = tenant.users().list().stream().filter(u -> !admins.contains(u.id()) && !u.isGuest()
                && u.accountEnabled()).toList();
    }

    @AfterAll
    void close() {
        results.close();
    }

    static RequestSpecification as(String user, String... roles) {
        return given().auth().oauth2(OidcWiremockTestResource.getAccessToken(user, Set.of(roles)))
                .contentType(ContentType.JSON);
    }

    String body(String actionId, String type, String parameters) {
        return """
                {"actionId":"%s","connectionId":"%s","tenantId":"%s","type":"%s","parameters":%s}
                """.formatted(actionId, c.connectionId(), c.tenant().id(), type, parameters);
    }

    @Test
    void anActionSubmittedOverRestRunsAndCanBeFoundByTargetAndStatus() {
        User user = users.get(0);
        String id = UUID.randomUUID().toString();
        as("alice", "operator").body(body(id, "update-user", "{\"userId\":\"" + user.id() + "\",\"jobTitle\":\"REST\"}"))
                .post("/actions").then().statusCode(202).body("outcome", equalTo("received"))
                .body("action.requester", equalTo("alice"));
        await().atMost(WAIT).untilAsserted(() -> as("alice", "operator").get("/actions/" + id).then().statusCode(200)
                .body("status", equalTo("completed")).body("outcome", equalTo("applied"))
                .body("graphCalls.method", hasItem("PATCH")));
        assertEquals("REST", c.tenant().users().get(user.id()).jobTitle());
        as("alice", "operator").body(body(id, "update-user", "{\"userId\":\"" + user.id() + "\",\"jobTitle\":\"REST\"}"))
                .post("/actions").then().statusCode(200).body("outcome", equalTo("duplicate"));
        as("alice", "operator").queryParam("connectionId", c.connectionId()).queryParam("targetId", user.id())
                .queryParam("status", "completed").get("/actions").then().statusCode(200)
                .body("items.actionId", hasItem(id));
    }

    @Test
    void listingIsPaged() {
        List<String> ids = new java.util.ArrayList<>();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 3; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            batch.append(i == 0 ? "" : ",").append(body(id, "revoke-sessions", "{\"userId\":\"" + users.get(1).id()
                    + "\"}"));
        }
        as("alice", "operator").body(batch.append("]").toString()).post("/actions/batch").then().statusCode(202)
                .body("$", hasSize(3));
        String next = as("alice", "operator").queryParam("targetId", users.get(1).id()).queryParam("limit", 2)
                .get("/actions").then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue())
                .extract().path("next");
        as("alice", "operator").queryParam("targetId", users.get(1).id()).queryParam("limit", 2)
                .queryParam("cursor", next).get("/actions").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void badInputIs400WithEveryProblem() {
        as("alice", "operator").body("{\"actionId\":\"x\",\"type\":\"update-user\",\"parameters\":{}}")
                .post("/actions").then().statusCode(400).body("error", equalTo("invalid-request"))
                .body("problems.size()", org.hamcrest.Matchers.greaterThan(0));
        // A batch is validated whole: one bad entry and nothing is recorded.
        String good = UUID.randomUUID().toString();
        as("alice", "operator").body("[" + body(good, "revoke-sessions", "{\"userId\":\"" + users.get(2).id()
                + "\"}") + ",{\"type\":\"nope\"}]").post("/actions/batch").then().statusCode(400)
                .body("problems.field", hasItem(containsString("/1")));
        as("alice", "operator").get("/actions/" + good).then().statusCode(404);
        as("alice", "operator").queryParam("status", "sleeping").get("/actions").then().statusCode(400);
        as("bob", "admin").body(body(UUID.randomUUID().toString(), "revoke-sessions", "{\"userId\":\"u\"}"))
                .post("/actions").then().statusCode(403);
    }

    @Test
    void aDryRunShowsTheCallsAndChangesNothing() {
        User user = users.get(3);
        as("alice", "operator").body(body(UUID.randomUUID().toString(), "disable-user",
                        "{\"userId\":\"" + user.id() + "\"}")).post("/actions/dry-run").then().statusCode(200)
                .body("wouldRun", equalTo(true)).body("changes.'changed.accountEnabled'", equalTo("true → false"))
                .body("calls.method", equalTo(List.of("GET", "PATCH"))).body("calls[1].dryRun", equalTo(true));
        assertTrue(c.tenant().users().get(user.id()).accountEnabled(), "the dry run changed nothing");
    }

    @Test
    void aDestructiveActionWaitsForASecondOperator() {
        as("carol", "admin").body("{\"approvalRequired\":[\"delete-user\"]}")
                .put("/connections/" + c.connectionId() + "/approval-policy").then().statusCode(200);
        User user = users.get(4);
        String id = UUID.randomUUID().toString();
        as("alice", "operator").body(body(id, "delete-user", "{\"userId\":\"" + user.id() + "\"}")).post("/actions")
                .then().statusCode(202).body("outcome", equalTo("awaiting-approval"));
        await().pollDelay(Duration.ofSeconds(1)).atMost(WAIT).until(() -> true);
        assertNotNull(c.tenant().users().get(user.id()), "not deleted without approval");
        as("alice", "operator").post("/actions/" + id + "/approve").then().statusCode(409)
                .body("message", containsString("second operator"));
        as("bob", "operator").post("/actions/" + id + "/approve").then().statusCode(200)
                .body("approvedBy", equalTo("bob"));
        await().atMost(WAIT).untilAsserted(() -> as("alice", "operator").get("/actions/" + id).then()
                .body("status", equalTo("completed")));
        assertEquals(null, c.tenant().users().get(user.id()), "deleted once approved");

        String cancelled = UUID.randomUUID().toString();
        as("alice", "operator").body(body(cancelled, "delete-user", "{\"userId\":\"" + users.get(5).id() + "\"}"))
                .post("/actions").then().statusCode(202);
        as("bob", "operator").post("/actions/" + cancelled + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        ActionRejected answer = results.await(cancelled, ActionRejected.class, WAIT);
        assertTrue(answer.errors().get(0).message().contains("Cancelled by operator bob"));
        assertNotNull(c.tenant().users().get(users.get(5).id()));
        as("bob", "operator").post("/actions/" + cancelled + "/cancel").then().statusCode(409);
        as("carol", "admin").body("{\"approvalRequired\":[]}")
                .put("/connections/" + c.connectionId() + "/approval-policy").then().statusCode(200);
    }

    @Test
    void anOldRequestIsRefused() {
        String id = UUID.randomUUID().toString();
        String old = body(id, "delete-user", "{\"userId\":\"" + users.get(6).id() + "\"}")
                .replace("}\n", ",\"requestedAt\":\"" + Instant.now().minus(Duration.ofDays(3)) + "\"}\n");
        as("alice", "operator").body(old).post("/actions").then().statusCode(202).body("outcome", equalTo("rejected"))
                .body("action.errorCode", equalTo("too-old"));
        assertFalse(c.tenant().users().get(users.get(6).id()) == null, "nobody deleted");
        results.await(id, ActionRejected.class, WAIT);
    }
}
