package io.m365platform.sync.it;

import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.deadletter.DeadLetter;
import io.m365platform.contracts.sync.SyncHeld;
import io.m365platform.contracts.sync.SyncMode;
import io.m365platform.contracts.sync.SyncRequested;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.graphsim.model.User;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunStatus;
import io.m365platform.sync.support.Api;
import io.m365platform.sync.support.DirectoryFacts;
import io.m365platform.sync.support.SyncIntegrationTest;
import io.m365platform.sync.support.TestConnections;
import io.m365platform.sync.support.TopicReader;
import io.m365platform.testsupport.kafka.DeadLetters;
import io.m365platform.testsupport.kafka.InjectKafkaCompanion;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run that would delete a large share of the users is held — nothing deleted, a held status and event — until an
 * operator confirms through REST; then it applies exactly those deletions.
 */
@QuarkusTest
class MassDeletionGuardTest extends SyncIntegrationTest {

    @InjectKafkaCompanion
    KafkaCompanion kafka;

    @Test
    void aMassDeletionIsHeldUntilConfirmed() {
        var c = connections.connectAndSync(simulator, "massdelete", 61, 60, TestConnections.ALL_READ,
                Product.MICROSOFT_365, Duration.ofSeconds(60)).connection();
        DirectoryFacts before = DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId());

        List<User> users = c.tenant().users().list();
        int toDelete = users.size() * 2 / 5;
        for (User u : users.subList(users.size() - toDelete, users.size())) {
            c.tenant().users().delete(u.id(), true);
        }

        String runId = Api.trigger(c.connectionId(), "incremental");
        Run held = connections.awaitRun(c.connectionId(), r -> r.runId().toString().equals(runId),
                Set.of(RunStatus.HELD, RunStatus.COMPLETED, RunStatus.FAILED), Duration.ofSeconds(60));
        assertEquals(RunStatus.HELD, held.status(), held.statusReason());
        assertEquals(SyncResource.USERS, held.heldResource());
        assertEquals(before.users(), DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId()).users(),
                "nothing is deleted while the run is held");

        SyncHeld event = new TopicReader(bootstrapServers).read(Topics.SYNC_RUNS, c.connectionId()).stream()
                .map(TopicReader.Entry::event).filter(SyncHeld.class::isInstance).map(SyncHeld.class::cast)
                .filter(e -> e.syncRunId().equals(runId)).findFirst().orElseThrow();
        assertEquals(SyncResource.USERS, event.resource());
        assertEquals(toDelete, event.pendingDeletions());
        assertEquals(users.size(), event.currentCount());
        assertTrue(event.deletionShare() > event.threshold());

        Api.asOperator().get("/runs/{id}", runId).then().statusCode(200).body("status", equalTo("held"))
                .body("heldResource", equalTo("users"));
        // Triggering another run meanwhile returns the held run: one active run per connection.
        Api.asOperator().body("{\"mode\":\"incremental\"}").post("/connections/{id}/runs", c.connectionId())
                .then().statusCode(202).body("created", equalTo(false)).body("run.runId", equalTo(runId));

        // Whoever can write m365.sync.requests cannot confirm: the command is dead-lettered, the run stays held.
        SyncRequested forged = new SyncRequested(UUID.randomUUID().toString(), c.connectionId(), c.tenant().id(),
                SyncMode.INCREMENTAL, List.of(), "mallory", "confirm", Instant.now(), runId);
        connections.publish(forged);
        DeadLetter refused = DeadLetters.awaitFor(kafka, forged.kafkaKey(), Duration.ofSeconds(30));
        assertEquals("confirmation-over-rest-only", refused.reason());
        Api.asOperator().get("/runs/{id}", runId).then().statusCode(200).body("status", equalTo("held"));

        Api.asOperator().post("/runs/{id}/confirm-deletions", runId).then().statusCode(200)
                .body("deletionsConfirmedBy", equalTo("alice"));
        Run done = connections.awaitRun(c.connectionId(), r -> r.runId().toString().equals(runId),
                Set.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.HELD), Duration.ofSeconds(60));
        assertEquals(RunStatus.COMPLETED, done.status(), done.statusReason());
        assertEquals(Map.of(), DirectoryFacts.differences(DirectoryFacts.groundTruth(c.tenant(), false, true),
                DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId())), "deletions applied after confirmation");

        Api.asOperator().post("/runs/{id}/confirm-deletions", runId).then().statusCode(409);
        Api.asOperator().post("/runs/{id}/confirm-deletions", UUID.randomUUID()).then().statusCode(404);
    }
}
