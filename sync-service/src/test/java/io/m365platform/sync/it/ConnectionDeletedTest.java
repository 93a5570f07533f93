package io.m365platform.sync.it;

import io.m365platform.contracts.DeletionReason;
import io.m365platform.contracts.connection.ConnectionDeleted;
import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.directory.UserDeleted;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunStatus;
import io.m365platform.sync.support.Api;
import io.m365platform.sync.support.DirectoryFacts;
import io.m365platform.sync.support.SyncIntegrationTest;
import io.m365platform.sync.support.TestConnections;
import io.m365platform.sync.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deleted connection stops syncing and everything synced through it is withdrawn: deleted events (reason
 * connection-deleted) and tombstones, empty tables; a late event cannot bring it back.
 */
@QuarkusTest
class ConnectionDeletedTest extends SyncIntegrationTest {

    @Test
    void aDeletedConnectionIsWithdrawn() {
        var c = connections.connectAndSync(simulator, "deleted", 91, 30, TestConnections.ALL_READ,
                Product.MICROSOFT_TEAMS, Duration.ofSeconds(60)).connection();
        int users = c.tenant().users().count();

        connections.publish(new ConnectionDeleted(c.connectionId(), c.tenant().id(), "alice", Instant.now()));
        Run purge = connections.awaitRun(c.connectionId(), r -> r.mode() == RunMode.PURGE,
                Set.of(RunStatus.COMPLETED, RunStatus.FAILED), Duration.ofSeconds(60));
        assertEquals(RunStatus.COMPLETED, purge.status(), purge.statusReason());

        DirectoryFacts empty = new DirectoryFacts(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        assertEquals(Map.of(), DirectoryFacts.differences(empty,
                DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId())), "tables emptied");
        TopicReader topics = new TopicReader(bootstrapServers);
        assertEquals(Map.of(), DirectoryFacts.differences(empty, DirectoryFacts.fromTopics(topics, c.connectionId())),
                "a consumer replaying the topics ends with nothing of the connection");
        List<UserDeleted> withdrawn = topics.read(Topics.DIRECTORY_USERS, c.connectionId()).stream()
                .map(TopicReader.Entry::event).filter(UserDeleted.class::isInstance).map(UserDeleted.class::cast)
                .filter(e -> e.reason() == DeletionReason.CONNECTION_DELETED).toList();
        assertEquals(users, withdrawn.size());

        Api.asOperator().get("/connections/{id}", c.connectionId()).then().statusCode(200)
                .body("deleted", equalTo(true)).body("status", equalTo("deleted"));
        Api.asOperator().body("{\"mode\":\"full\"}").post("/connections/{id}/runs", c.connectionId())
                .then().statusCode(409).body("error", equalTo("connection-deleted"));
        // A late status event for the deleted connection does not revive it.
        connections.changeStatus(c, io.m365platform.contracts.connection.ConnectionStatus.CONNECTED,
                io.m365platform.contracts.connection.ConnectionStatus.NEEDS_RECONNECT);
        TestConnections.sleep(1500);
        Api.asOperator().get("/connections/{id}", c.connectionId()).then().statusCode(200)
                .body("deleted", equalTo(true));
    }
}
