package io.m365platform.sync.it;

import io.m365platform.contracts.connection.Product;
import io.m365platform.contracts.sync.SyncResource;
import io.m365platform.graphsim.faults.FaultRule;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.sync.run.Run;
import io.m365platform.sync.run.RunStep;
import io.m365platform.sync.run.StepRepository;
import io.m365platform.sync.run.StepStatus;
import io.m365platform.sync.support.DirectoryFacts;
import io.m365platform.sync.support.SyncIntegrationTest;
import io.m365platform.sync.support.TestConnections;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A resource the connection may not read is skipped with a clear status — planned away when the token lacks the
 * permission, or when Graph answers 403 — and every other resource is synced.
 */
@QuarkusTest
class PermissionsTest extends SyncIntegrationTest {

    @Inject
    StepRepository steps;



    @Test
    void resourcesWithoutPermissionAreSkippedAndTheOthersSynced() {
        var tenant = simulator.tenants().generate(new GenerationSpec(71, 40, "lesspermissions"));
        // Roles are granted but Graph refuses them (e.g. admin consent revoked after the token was issued).
        FaultRule denied = simulator.faults().add(FaultRule.status(403)
                .error("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")
                .path("/v1.0/directoryRoles*").tenant(tenant.id()));
        try {
            TestConnections.Synced first = connections.connectAndSync(simulator, tenant, Set.of("User.Read.All",
                    "GroupMember.Read.All", "Organization.Read.All", "RoleManagement.Read.Directory"), Product.MICROSOFT_365,
                    Duration.ofSeconds(60));
            var c = first.connection();
            Run run = first.run();

            Map<SyncResource, RunStep> byResource = steps.steps(run.runId()).stream()
                    .collect(Collectors.toMap(RunStep::resource, Function.identity()));
            RunStep apps = byResource.get(SyncResource.EXTERNAL_APPS);
            assertEquals(StepStatus.SKIPPED, apps.status());
            assertTrue(apps.message().contains("missing permission") && apps.message().contains("Directory.Read.All"),
                    apps.message());
            RunStep roles = byResource.get(SyncResource.DIRECTORY_ROLES);
            assertEquals(StepStatus.SKIPPED, roles.status());
            assertTrue(roles.message().contains("403") && roles.message().contains("Authorization_RequestDenied"),
                    roles.message());
            for (SyncResource ok : Set.of(SyncResource.USERS, SyncResource.LICENSE_ASSIGNMENTS, SyncResource.GROUPS,
                    SyncResource.GROUP_MEMBERSHIPS, SyncResource.SUBSCRIBED_SKUS, SyncResource.ORGANIZATION,
                    SyncResource.ROLE_ASSIGNMENTS)) {
                assertEquals(StepStatus.COMPLETED, byResource.get(ok).status(), ok + ": " + byResource.get(ok));
            }

            DirectoryFacts truth = DirectoryFacts.groundTruth(c.tenant(), false, true, false, false);
            DirectoryFacts synced = DirectoryFacts.fromDatabase(jdbc, catalog, c.connectionId());
            assertEquals(truth.users(), synced.users());
            assertEquals(truth.licenses(), synced.licenses());
            assertEquals(truth.memberships(), synced.memberships());
            assertEquals(truth.roleAssignments(), synced.roleAssignments());
            assertEquals(Set.of(), synced.roles(), "roles were not readable");
            assertEquals(Set.of(), synced.externalApps(), "apps were not readable");
        } finally {
            simulator.faults().remove(denied.id());
        }
    }
}
