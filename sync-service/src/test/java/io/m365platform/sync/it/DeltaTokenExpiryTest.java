package io.m365platform.sync.it;

import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graphsim.model.User;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunStatus;
import io.m365platform.sync.run.StepRepository;
import io.m365platform.sync.support.Api;
import io.m365platform.sync.support.DirectoryFacts;
import io.m365platform.sync.support.SyncIntegrationTest;
import io.m365platform.sync.support.TestConnections;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When Graph no longer knows a delta token (syncStateNotFound), the incremental run reads users and groups in
 * full instead — finding what was deleted meanwhile — and ends in the same exact state.
 */
@QuarkusTest
class DeltaTokenExpiryTest extends SyncIntegrationTest {

    @Inject
    StepRepository steps;



    @Test
    void anExpiredDeltaTokenFallsBackToAFullRound() {
        var c = connections.connectAndSync(simulator, "deltaexpiry", 81, 40, TestConnections.ALL_READ,
                Product.MICROSOFT_365, Duration.ofSeconds(60)).connection();

        List<User> users = c.tenant().users().list();
        c.tenant().users().delete(users.get(5).id(), true);
        c.tenant().users().rename(users.get(6).id(), "Renamed While Tokens Expired");
        c.tenant().expireDeltaTokens("syncStateNotFound");

        String runId = Api.trigger(c.connectionId(), "incremental");
        Run run = connections.awaitRun(c.connectionId(), r -> r.runId().toString().equals(runId),
                Set.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.HELD), Duration.ofSeconds(60));
        assertEquals(RunStatus.COMPLETED, run.status(), run.statusReason());
        var usersStep = steps.steps(run.runId()).stream().filter(s -> s.resource() == SyncResource.USERS)
                .findFirst().orElseThrow();
        assertEquals("full", usersStep.method(), "users were read in full after the token expired");
        assertEquals(1, usersStep.deleted(), "the user deleted meanwhile was found by the full round");
        assertEquals(Map.of(), DirectoryFacts.differences(DirectoryFacts.groundTruth(c.tenant(), false, true),
                DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId())));

        // The new delta link works again: the next incremental run is a delta round.
        String next = Api.trigger(c.connectionId(), "incremental");
        Run again = connections.awaitRun(c.connectionId(), r -> r.runId().toString().equals(next),
                Set.of(RunStatus.COMPLETED, RunStatus.FAILED), Duration.ofSeconds(60));
        assertEquals(RunStatus.COMPLETED, again.status(), again.statusReason());
        assertEquals("delta", steps.steps(again.runId()).stream().filter(s -> s.resource() == SyncResource.USERS)
                .findFirst().orElseThrow().method());
    }
}
