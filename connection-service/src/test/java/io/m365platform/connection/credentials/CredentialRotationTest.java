package io.m365platform.connection.credentials;

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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rotating a client secret without downtime: the new one is tested first, a bad one changes nothing. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(SimulatorResource.class)
class CredentialRotationTest {

    private static Set<String> readList() {
        return Guide.permissions("microsoft-365", "app-registration", "read");
    }

    @Test
    void rotationUnderLoadCausesNoFailedTokenRequest() throws Exception {
        TestApp app = TestApps.register(readList(), Set.of());
        String id = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .then().statusCode(201).body("status", equalTo("connected")).extract().path("id");
        String next = TestApps.addSecret(app.clientId(), Duration.ofDays(180));

        long failedBefore = Sim.failedTokenRequests();
        AtomicBoolean rotating = new AtomicBoolean(true);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(callers.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                while (rotating.get()) {
                    statuses.add(Api.service().get("/internal/connections/" + id + "/graph-token").statusCode());
                }
                statuses.add(Api.service().get("/internal/connections/" + id + "/graph-token").statusCode());
                return statuses;
            }));
        }
        Thread.sleep(300);
        Instant expiry = Instant.parse("2031-01-31T00:00:00Z");
        Api.kept(Api.admin().body(Map.of("clientSecret", next, "clientSecretExpiresAt", expiry.toString()))
                        .post("/connections/" + id + "/credentials")).then().statusCode(200)
                .body("status", equalTo("connected"));
        Thread.sleep(300);
        // The old secret is deleted in Entra after the rotation: the broker must already use the new one.
        Sim.expireSecrets(app.clientId(), app.secretKeyId());
        Thread.sleep(300);
        rotating.set(false);
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> f : results) {
            statuses.addAll(f.get());
        }
        callers.shutdown();
        assertTrue(statuses.size() > 6, "enough concurrent broker calls: " + statuses.size());
        assertTrue(statuses.stream().allMatch(s -> s == 200), "every broker call succeeded: " + statuses);
        assertEquals(failedBefore, Sim.failedTokenRequests(), "no failed token request at the token endpoint");

        EventView rotated = Events.log().await(id, "credentials-rotated");
        assertEquals("admin-user", rotated.by());
        assertEquals("connected", rotated.status());
        Api.operator().post("/connections/" + id + "/test").then().statusCode(200).body("status", equalTo("connected"));
    }

    @Test
    void aRejectedSecretIsNotStored() {
        TestApp app = TestApps.register(readList(), Set.of());
        String id = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), app.secret(), "read")
                .path("id");
        Api.kept(Api.admin().body(Map.of("clientSecret", TestApps.remember("Wrong~" + java.util.UUID.randomUUID()))).post("/connections/" + id + "/credentials"))
                .then().statusCode(422).body("error", equalTo("credentials-rejected"))
                .body("message", containsString("AADSTS7000215"))
                .body("problems[0].field", equalTo("clientSecret"));
        Api.operator().post("/connections/" + id + "/test").then().statusCode(200).body("status", equalTo("connected"));
        Events.log().settle();
        assertTrue(!Events.log().types(id).contains("credentials-rotated"));
        Api.admin().body(Map.of()).post("/connections/" + id + "/credentials").then().statusCode(400)
                .body("problems.field", equalTo(List.of("clientSecret")));
    }

    @Test
    void rotatingRepairsANeedsReconnectConnection() {
        TestApp app = TestApps.register(readList(), Set.of());
        String id = Api.create("microsoft-365", "app-registration", Sim.tenantId(), app.clientId(), TestApps.remember("stale" + app.secret()),
                "read").then().body("status", equalTo("needs-reconnect")).extract().path("id");
        Api.admin().body(Map.of("clientSecret", app.secret())).post("/connections/" + id + "/credentials").then()
                .statusCode(200).body("status", equalTo("connected"));
        Events.log().await(id, "status-changed",
                e -> "needs-reconnect".equals(e.previousStatus()) && e.status().equals("connected"));
    }
}
