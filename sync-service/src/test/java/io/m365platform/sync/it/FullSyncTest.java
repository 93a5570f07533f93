package io.m365platform.sync.it;

import io.m365platform.contracts.PlatformEvent;
import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.sync.SyncCompleted;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.sync.SyncStarted;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.support.DirectoryFacts;
import io.m365platform.sync.support.SyncIntegrationTest;
import io.m365platform.sync.support.TestConnections;
import io.m365platform.sync.support.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new Teams connection is fully synced: the tables and the topics (replayed from offset 0 by a fresh consumer)
 * equal the simulator's tenant — guests, disabled users, nested groups, Teams, third-party apps included.
 */
@QuarkusTest
class FullSyncTest extends SyncIntegrationTest {

    @Test
    void aNewConnectionIsSyncedExactlyIntoTablesAndTopics() {
        TestConnections.Synced synced = connections.connectAndSync(simulator, "fullsync", 11, 80,
                TestConnections.ALL_READ, Product.MICROSOFT_TEAMS,
                Duration.ofSeconds(90));
        var c = synced.connection();
        Run run = synced.run();

        DirectoryFacts truth = DirectoryFacts.groundTruth(c.tenant(), true, true);
        assertTrue(truth.users().stream().anyMatch(u -> "Guest".equals(u.userType())), "tenant has guests");
        assertTrue(truth.users().stream().anyMatch(u -> Boolean.FALSE.equals(u.accountEnabled())), "disabled users");
        assertTrue(truth.users().stream().anyMatch(u -> u.skuIds().isEmpty()), "unlicensed users");
        assertTrue(truth.memberships().stream().anyMatch(m -> m.relation().equals("transitive")), "nested groups");
        assertTrue(truth.licenses().stream().anyMatch(l -> !l.groups().isEmpty()), "group-inherited licenses");
        assertFalse(truth.teams().isEmpty(), "Teams");
        assertFalse(truth.channels().isEmpty(), "channels");
        assertFalse(truth.installedApps().isEmpty(), "installed apps");
        assertFalse(truth.externalApps().isEmpty(), "third-party apps");
        assertFalse(truth.roleAssignments().isEmpty(), "role assignments");

        assertEquals(Map.of(), DirectoryFacts.differences(truth,
                DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId())), "tables vs simulator");
        TopicReader topics = new TopicReader(bootstrapServers);
        assertEquals(Map.of(), DirectoryFacts.differences(truth, DirectoryFacts.fromTopics(topics, c.connectionId())),
                "topics replayed from offset 0 vs simulator");

        List<PlatformEvent> runEvents = topics.read(Topics.SYNC_RUNS, c.connectionId()).stream()
                .map(TopicReader.Entry::event).toList();
        SyncStarted started = runEvents.stream().filter(SyncStarted.class::isInstance).map(SyncStarted.class::cast)
                .findFirst().orElseThrow();
        assertEquals(run.runId().toString(), started.syncRunId());
        SyncCompleted completed = runEvents.stream().filter(SyncCompleted.class::isInstance)
                .map(SyncCompleted.class::cast).findFirst().orElseThrow();
        assertEquals(run.runId().toString(), completed.syncRunId());
        assertTrue(completed.graphRequests() > 0, "Graph requests counted");
        long users = completed.counts().stream().filter(rc -> rc.resource() == SyncResource.USERS)
                .mapToLong(rc -> rc.created()).sum();
        assertEquals(truth.users().size(), users, "users created in the first run");
        // Each user went out once, complete (with its sign-in activity: the connection holds AuditLog.Read.All).
        var userRecords = topics.read(Topics.DIRECTORY_USERS, c.connectionId());
        assertEquals(truth.users().size(), userRecords.size(), "one record per user in a first run");
        assertTrue(userRecords.stream().allMatch(e -> e.event() instanceof io.m365platform.contracts.directory.UserSynced u
                && u.user().signInActivity() != null), "every user published with its sign-in activity");
    }
}
