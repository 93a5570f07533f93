package io.m365platform.sync.it;

import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.contracts.sync.SyncTrigger;
import io.m365platform.graphsim.faults.FaultRule;
import io.m365platform.graphsim.tenant.Tenant;
import io.m365platform.sync.SyncModel;
import io.m365platform.sync.config.SyncSettings;
import io.m365platform.sync.engine.EngineContext;
import io.m365platform.sync.engine.RunDispatcher;
import io.m365platform.sync.engine.SyncEngine;
import io.m365platform.sync.engine.pipeline.PageExecutors;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunMode;
import io.m365platform.sync.run.RunRepository;
import io.m365platform.sync.run.RunStatus;
import io.m365platform.sync.run.StepRepository;
import io.m365platform.sync.support.DirectoryFacts;
import io.m365platform.testsupport.graph.SimulatorTokenSource;
import io.m365platform.sync.support.SyncIntegrationTest;
import io.m365platform.sync.support.TestConnections;
import io.m365platform.testsupport.graph.ConnectedTenants.TestConnection;
import io.m365platform.service.token.TokenSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A second instance takes a run, crashes in the middle of it (no clean-up, its lease just stops being renewed), and
 * the service's own instance resumes the run from the last committed checkpoint once the lease expired — ending in
 * the tenant's exact state without starting over.
 */
@QuarkusTest
class CrashResumeTest extends SyncIntegrationTest {

    @Inject
    EngineContext context;

    @Inject
    SimulatorTokenSource tokens;

    @Inject
    RunRepository runs;

    @Inject
    StepRepository steps;





    @Test
    void aRunOfACrashedInstanceIsResumedByAnotherFromItsCheckpoint() {
        // Known as connected, without an event: the run must start on the other instance, not on this one.
        TestConnection known = connections.known(simulator, "crashing", 51, 90);
        Tenant tenant = known.tenant();
        String connectionId = known.connectionId();

        // The other instance reads small pages, slowly, so that it crashes in the middle of the users.
        SyncSettings small = context.settings().withInstanceId("instance-that-crashes");
        small = new SyncSettings(small.instanceId(), small.lease(), small.heartbeat(), 1, small.incrementalInterval(),
                small.fullInterval(), small.deltaMaxAge(), small.pauseDelay(), small.maxAttempts(),
                small.maxDeletionShare(), small.minGuardedDeletions(), small.progressEveryPages(),
                small.deletionChunk(), 10);
        EngineContext other = new EngineContext(small, context.jdbc(), context.connections(), context.runs(),
                context.steps(), context.pending(), context.deltaLinks(), context.catalog(), context.sink(),
                context.graph(), context.clock());
        PageExecutors otherExecutors = new PageExecutors();
        SyncEngine otherEngine = new SyncEngine(other, SyncModel.resources(), (TokenSource) tokens,
                Executors.newSingleThreadScheduledExecutor(), otherExecutors);
        RunDispatcher otherInstance = new RunDispatcher(otherEngine);
        FaultRule slow = simulator.faults().add(FaultRule.latency(Duration.ofMillis(150)).path("/v1.0/users/delta*")
                .tenant(tenant.id()));
        simulator.requestLog().clear();
        try {
            UUID runId = UUID.randomUUID();
            runs.enqueue(new RunRepository.NewRun(runId, connectionId, tenant.id(), RunMode.FULL, SyncTrigger.REQUEST,
                    null, "test", "crash test", List.of(), "instance-that-crashes", context.settings().lease()));
            assertTrue(otherInstance.dispatch(runId));
            awaitUserPages(runId, 3);
            otherInstance.crash();
            long pagesAtCrash = userPages(runId);

            Run resumed = connections.awaitRun(connectionId, r -> r.runId().equals(runId),
                    Set.of(RunStatus.COMPLETED, RunStatus.FAILED), Duration.ofSeconds(90));
            assertEquals(RunStatus.COMPLETED, resumed.status(), resumed.statusReason());
            assertEquals(2, resumed.attempts(), "claimed by the crashed instance, then by this one");
            assertTrue(pagesAtCrash >= 3 && pagesAtCrash < 9, "crashed mid-way through the users: " + pagesAtCrash);

            // The users delta round was started once: the second instance continued from the stored next link.
            long firstRequests = simulator.requestLog().entries().stream()
                    .filter(e -> e.path().startsWith("/v1.0/users/delta") && tenant.id().equals(e.tenantId()))
                    .filter(e -> e.query() == null || !e.query().contains("skiptoken")).count();
            assertEquals(1, firstRequests, "the users round was not restarted");

            DirectoryFacts.assertStoredAndPublished(DirectoryFacts.groundTruth(tenant, false, true), jdbc, catalog,
                    bootstrapServers, connectionId);
        } finally {
            simulator.faults().remove(slow.id());
            otherEngine.close();
            otherExecutors.close();
        }
    }

    private void awaitUserPages(UUID runId, long pages) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (userPages(runId) < pages) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the other instance did not get to " + pages + " pages of users");
            }
            TestConnections.sleep(20);
        }
    }

    private long userPages(UUID runId) {
        return steps.steps(runId).stream().filter(s -> s.resource() == SyncResource.USERS)
                .mapToLong(s -> s.pages()).sum();
    }

}
