package io.m365platform.sync.it;

import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.directory.UserSynced;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunStatus;
import io.m365platform.sync.support.Api;
import io.m365platform.sync.support.DirectoryFacts;
import io.m365platform.testsupport.graph.InjectSimulator;
import io.m365platform.sync.support.TestConnections;
import io.m365platform.testsupport.graph.ConnectedTenants.TestConnection;
import io.m365platform.sync.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator REST API: listings with filters and paging, runs and progress, trigger, re-publish, errors. */
@QuarkusTest
class RestApiTest {

    private static TestConnection connection;
    private static DirectoryFacts truth;

    @InjectSimulator
    GraphSimulator simulator;

    @Inject
    TestConnections connections;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void syncOnce() {
        if (connection == null) {
            TestConnections.Synced synced = connections.connectAndSync(simulator, "restapi", 101, 45,
                    TestConnections.ALL_READ, Product.MICROSOFT_365,
                    Duration.ofSeconds(60));
            connection = synced.connection();
            Run run = synced.run();
            truth = DirectoryFacts.groundTruth(connection.tenant(), false, true);
        }
    }

    @Test
    void usersAreFilteredAndPaged() {
        Set<String> guests = truth.users().stream().filter(u -> "Guest".equals(u.userType()))
                .map(DirectoryFacts.UserFact::id).collect(Collectors.toSet());
        assertFalse(guests.isEmpty());
        assertEquals(guests, pagedIds("/connections/{id}/users?guest=true&limit=2", "id"));
        Set<String> disabled = truth.users().stream().filter(u -> Boolean.FALSE.equals(u.accountEnabled()))
                .map(DirectoryFacts.UserFact::id).collect(Collectors.toSet());
        assertEquals(disabled, pagedIds("/connections/{id}/users?disabled=true&limit=3", "id"));
        Set<String> unlicensed = truth.users().stream().filter(u -> u.skuIds().isEmpty())
                .map(DirectoryFacts.UserFact::id).collect(Collectors.toSet());
        assertEquals(unlicensed, pagedIds("/connections/{id}/users?unlicensed=true&limit=4", "id"));
        Set<String> licensedMembers = truth.users().stream().filter(u -> !u.skuIds().isEmpty()
                && !"Guest".equals(u.userType())).map(DirectoryFacts.UserFact::id).collect(Collectors.toSet());
        assertEquals(licensedMembers, pagedIds("/connections/{id}/users?unlicensed=false&guest=false&limit=7", "id"));
        assertEquals(truth.users().size(), pagedIds("/connections/{id}/users?limit=10", "id").size());

        DirectoryFacts.UserFact someone = truth.users().stream().filter(u -> !u.skuIds().isEmpty()).findFirst()
                .orElseThrow();
        JsonPath detail = Api.asOperator().get("/connections/{id}/users/{u}", connection.connectionId(), someone.id())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(someone.upn(), detail.getString("user.userPrincipalName"));
        assertEquals(someone.skuIds(), new HashSet<>(detail.getList("licenses.skuId", String.class)));
        String prefix = someone.upn().substring(0, 4);
        Api.asOperator().get("/connections/{id}/users?search=" + prefix, connection.connectionId()).then()
                .statusCode(200).body("items.userPrincipalName", hasItem(someone.upn()));
    }

    @Test
    void licensesAndGroupsAreListed() {
        Api.asOperator().get("/connections/{id}/licenses", connection.connectionId()).then().statusCode(200)
                .body("size()", equalTo(truth.skus().size()))
                .body("unassignedUnits", everyItem(notNullValue()));
        DirectoryFacts.SkuFact sku = truth.skus().iterator().next();
        long holders = truth.licenses().stream().filter(l -> l.skuId().equals(sku.skuId())).count();
        assertEquals(holders, pagedIds("/connections/{id}/licenses/" + sku.skuId() + "/assignments?limit=5",
                "userId").size());

        Set<String> teams = truth.groups().stream().filter(DirectoryFacts.GroupFact::team)
                .map(DirectoryFacts.GroupFact::id).collect(Collectors.toSet());
        assertEquals(teams, pagedIds("/connections/{id}/groups?team=true&limit=2", "id"));
        Set<String> security = truth.groups().stream().filter(g -> g.kind().wireName().equals("security"))
                .map(DirectoryFacts.GroupFact::id).collect(Collectors.toSet());
        assertEquals(security, pagedIds("/connections/{id}/groups?kind=security", "id"));

        DirectoryFacts.MembershipFact nested = truth.memberships().stream()
                .filter(m -> m.relation().equals("transitive")).findFirst().orElseThrow();
        Set<String> transitive = truth.memberships().stream().filter(m -> m.groupId().equals(nested.groupId())
                && m.relation().equals("transitive")).map(DirectoryFacts.MembershipFact::memberId)
                .collect(Collectors.toSet());
        assertEquals(transitive, pagedIds("/connections/{id}/groups/" + nested.groupId()
                + "/members?relation=transitive&limit=3", "memberId"));
    }

    @Test
    void runsShowTheirProgressPerResource() {
        JsonPath runs = Api.asOperator().get("/connections/{id}/runs", connection.connectionId()).then()
                .statusCode(200).extract().jsonPath();
        String runId = runs.getString("items.find { it.mode == 'full' }.runId");
        Api.asOperator().get("/runs/{id}", runId).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("mode", equalTo("full"))
                .body("graphRequests", org.hamcrest.Matchers.greaterThan(0))
                .body("steps.find { it.resource == 'users' }.created", equalTo(truth.users().size()))
                .body("steps.find { it.resource == 'users' }.status", equalTo("completed"));
        Api.asOperator().get("/connections?limit=1000").then().statusCode(200)
                .body("items.connectionId", hasItem(connection.connectionId()));
    }

    @Test
    void republishSendsTheCurrentStateAgain() {
        TopicReader topics = new TopicReader(bootstrapServers);
        Map<TopicPartition, Long> from = topics.endOffsets(Topics.DIRECTORY_USERS);
        String runId = Api.asOperator().post("/connections/{id}/republish", connection.connectionId()).then()
                .statusCode(202).body("run.mode", equalTo("republish")).extract().path("run.runId");
        Run run = connections.awaitRun(connection.connectionId(), r -> r.runId().toString().equals(runId),
                Set.of(RunStatus.COMPLETED, RunStatus.FAILED), Duration.ofSeconds(60));
        assertEquals(RunStatus.COMPLETED, run.status(), run.statusReason());
        List<TopicReader.Entry> republished = topics.read(Topics.DIRECTORY_USERS, connection.connectionId(), from);
        assertEquals(truth.users().size(), republished.size());
        assertTrue(republished.stream().allMatch(e -> e.event() instanceof UserSynced));
        assertEquals(truth.users().stream().map(DirectoryFacts.UserFact::id).collect(Collectors.toSet()),
                republished.stream().map(e -> ((UserSynced) e.event()).user().id()).collect(Collectors.toSet()));
    }

    @Test
    void badRequestsAreAnsweredWithWhatIsWrong() {
        String id = connection.connectionId();
        Api.asOperator().get("/connections/{id}/users?limit=0", id).then().statusCode(400)
                .body("error", equalTo("invalid-request")).body("message", containsString("limit"));
        Api.asOperator().get("/connections/{id}/groups?kind=weird", id).then().statusCode(400)
                .body("message", containsString("kind"));
        Api.asOperator().body("{\"mode\":\"sometimes\"}").post("/connections/{id}/runs", id).then().statusCode(400)
                .body("message", containsString("mode"));
        Api.asOperator().body("{\"mode\":\"full\",\"resources\":[\"users\",\"printers\"]}")
                .post("/connections/{id}/runs", id).then().statusCode(400)
                .body("problems[0].message", containsString("printers"));
        Api.asOperator().body("{not json").post("/connections/{id}/runs", id).then().statusCode(400);
        Api.asOperator().get("/runs/not-a-uuid").then().statusCode(400).body("message", containsString("UUID"));
        Api.asOperator().get("/runs/{id}", UUID.randomUUID()).then().statusCode(404);
        Api.asOperator().get("/connections/{id}/users", UUID.randomUUID()).then().statusCode(404);
        Api.asOperator().get("/connections/{id}/users/{u}", id, UUID.randomUUID()).then().statusCode(404);
        Api.asOperator().get("/connections/{id}/runs?cursor=garbage", id).then().statusCode(400);
    }

    @Test
    void onlyOperatorsMayUseTheApi() {
        RestAssured.given().get("/connections").then().statusCode(401);
        Api.withRoles("admin").get("/connections").then().statusCode(403);
        Api.withRoles("service").body("{\"mode\":\"full\"}")
                .post("/connections/{id}/runs", connection.connectionId()).then().statusCode(403);
    }

    /** Follows the cursors of a listing to the end; the ids of all items. */
    private Set<String> pagedIds(String url, String idField) {
        Set<String> ids = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            String paged = cursor == null ? url : url + (url.contains("?") ? "&" : "?") + "cursor=" + cursor;
            JsonPath page = Api.asOperator().get(paged, connection.connectionId()).then().statusCode(200)
                    .extract().jsonPath();
            List<String> items = page.getList("items." + idField, String.class);
            pageSizes.add(items.size());
            for (String item : items) {
                assertTrue(ids.add(item), "an item appears on two pages: " + item);
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }
}
