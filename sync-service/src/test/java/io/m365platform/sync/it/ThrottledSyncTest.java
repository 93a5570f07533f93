package io.m365platform.sync.it;

import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.sync.SyncCompleted;
import io.m365platform.contracts.sync.SyncFailed;
import io.m365platform.contracts.topics.Topics;
import io.m365platform.graphsim.faults.FaultRule;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With 30% of Graph answers 429 or 503, and a burst of throttling longer than every retry, a full sync still ends
 * in the tenant's exact state: retries honour Retry-After, and the run that runs out of retries pauses and resumes
 * from its checkpoint.
 */
@QuarkusTest
class ThrottledSyncTest extends SyncIntegrationTest {

    @Test
    void aThrottledSyncEndsInTheSameState() {
        var tenant = simulator.tenants().generate(new io.m365platform.graphsim.tenant.GenerationSpec(37, 70, "throttled"));
        List<FaultRule> rules = List.of(
                // Longer than every retry (SDK retries x policy attempts): the run has to pause and resume.
                simulator.faults().add(FaultRule.throttle(0).path("/v1.0/groups/delta*").tenant(tenant.id()).times(40)),
                simulator.faults().add(FaultRule.throttle(0).path("/v1.0/*").tenant(tenant.id()).probability(0.2)),
                simulator.faults().add(FaultRule.status(503).retryAfter(0).path("/v1.0/*").tenant(tenant.id())
                        .probability(0.125)));
        try {
            TestConnections.Synced synced = connections.connectAndSync(simulator, tenant,
                    TestConnections.ALL_READ, Product.MICROSOFT_TEAMS,
                    Duration.ofSeconds(120));
            var c = synced.connection();
            Run run = synced.run();
            assertTrue(run.attempts() >= 2, "the run paused and was resumed, attempts: " + run.attempts());
            assertTrue(run.throttledResponses() > 10, "throttled answers counted: " + run.throttledResponses());
            int fired = rules.stream().mapToInt(FaultRule::firedCount).sum();
            assertTrue(fired > 40, "faults injected: " + fired);

            DirectoryFacts truth = DirectoryFacts.groundTruth(c.tenant(), true, true);
            assertEquals(Map.of(), DirectoryFacts.differences(truth,
                    DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId())), "tables vs simulator");
            TopicReader topics = new TopicReader(bootstrapServers);
            assertEquals(Map.of(), DirectoryFacts.differences(truth,
                    DirectoryFacts.fromTopics(topics, c.connectionId())), "topics vs simulator");

            var runEvents = topics.read(Topics.SYNC_RUNS, c.connectionId()).stream().map(TopicReader.Entry::event)
                    .toList();
            SyncFailed paused = runEvents.stream().filter(SyncFailed.class::isInstance).map(SyncFailed.class::cast)
                    .findFirst().orElseThrow(() -> new AssertionError("no failed (paused) event: " + runEvents));
            assertEquals("throttled", paused.errorCode());
            assertTrue(paused.retryable());
            assertTrue(paused.resumeAt() != null, "says when it resumes");
            SyncCompleted completed = runEvents.stream().filter(SyncCompleted.class::isInstance)
                    .map(SyncCompleted.class::cast).findFirst().orElseThrow();
            assertTrue(completed.throttledResponses() > 10);
        } finally {
            rules.forEach(r -> simulator.faults().remove(r.id()));
        }
    }
}
