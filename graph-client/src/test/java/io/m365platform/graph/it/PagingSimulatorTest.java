package io.m365platform.graph.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.error.GraphRequestException;
import io.m365platform.graph.error.GraphThrottledException;
import io.m365platform.graph.paging.CollectionSummary;
import io.m365platform.graph.paging.DeltaItems;
import io.m365platform.graph.paging.Page;
import io.m365platform.graph.request.GraphAccess;
import io.m365platform.graph.request.GraphClientSettings;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.graph.request.GraphUrl;
import io.m365platform.graph.retry.Backoff;
import io.m365platform.graph.testsupport.RecordingSleeper;
import io.m365platform.graph.testsupport.SimulatorFixture;
import io.m365platform.graph.throttle.GraphCallStats;
import io.m365platform.graph.throttle.ThrottlePolicy;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.AppTokenClient;
import io.m365platform.graph.token.MsalApplications;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.faults.FaultRule;
import io.m365platform.graphsim.model.User;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The streaming pager and request helpers against the simulator's Graph endpoints. */
class PagingSimulatorTest {

    private static final int USERS = 10_000;

    private static GraphSimulator sim;
    private static Tenant big;
    private static GraphClients clients;
    private static AppTokenClient tokens;
    private static AppCredentials bigApp;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeAll
    static void setUp() {
        sim = SimulatorFixture.simulator();
        big = SimulatorFixture.newTenant(USERS);
        RegisteredApp app = SimulatorFixture.registerApp(big, Set.of("User.Read.All"), Set.of());
        bigApp = new AppCredentials(app.clientId(), app.secret());
        tokens = new AppTokenClient(new MsalApplications(SimulatorFixture.endpoints()));
        clients = new GraphClients(SimulatorFixture.endpoints(), GraphClientSettings.defaults());
    }

    @AfterAll
    static void tearDown() {
        clients.close();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    private GraphAccess access(GraphClients c, Tenant tenant, AppCredentials creds) {
        return c.forTenant(tenant.id(), () -> tokens.acquire(creds, TenantId.of(tenant.id())));
    }

    @Test
    void streamsTenThousandUsersWithDistinctNextLinks() {
        GraphAccess access = access(clients, big, bigApp);
        Set<String> ids = new HashSet<>();
        List<String> nextLinks = new ArrayList<>();
        CollectionSummary summary = access.collections().readAll(
                GraphUrl.path("/users").select("id", "displayName", "userPrincipalName", "accountEnabled", "userType").top(999).build(),
                Map.of(), user -> {
                    assertTrue(user.hasNonNull("userPrincipalName"));
                    assertFalse(user.has("mail"), "$select honoured");
                    ids.add(user.get("id").asText());
                },
                page -> page.nextLink().ifPresent(nextLinks::add));

        Set<String> truth = new HashSet<>();
        big.users().list().forEach(u -> truth.add(u.id()));
        assertEquals(truth.size(), summary.items());
        assertEquals(truth, ids, "exactly the tenant's users, each once");
        assertEquals((truth.size() + 998) / 999, summary.pages());
        assertEquals(summary.pages() - 1, nextLinks.size());
        assertEquals(nextLinks.size(), new HashSet<>(nextLinks).size(), "every nextLink differs");
        nextLinks.forEach(l -> assertTrue(l.startsWith(sim.graphBaseUrl() + "/users?"), l));
        assertTrue(summary.deltaLink().isEmpty());
        assertEquals(summary.pages(), access.stats().snapshot().requests());
    }

    @Test
    void countWithConsistencyLevelOnFirstPage() {
        GraphAccess access = access(clients, big, bigApp);
        Page first = access.collections().readPage(GraphUrl.path("/users").select("id").top(999).count().build(),
                Map.of("ConsistencyLevel", "eventual"), u -> { });
        assertEquals(big.users().count(), first.odataCount().orElseThrow());
        assertEquals(999, first.items());
    }

    @Test
    void deltaRoundThenChangesAndRemovals() {
        Tenant own = SimulatorFixture.newTenant(30);
        RegisteredApp app = SimulatorFixture.registerApp(own, Set.of("User.Read.All"), Set.of());
        GraphAccess access = access(clients, own, new AppCredentials(app.clientId(), app.secret()));

        Map<String, JsonNode> state = new HashMap<>();
        CollectionSummary initial = access.collections().readAll("/users/delta()?$select=id,displayName,accountEnabled",
                Map.of(), u -> state.put(u.get("id").asText(), u), page -> { });
        assertEquals(own.users().count(), state.size());
        String deltaLink = initial.deltaLink().orElseThrow();

        List<User> users = own.users().list();
        User renamed = users.get(3);
        User deleted = users.get(7);
        own.users().rename(renamed.id(), "Renamed Person");
        own.users().delete(deleted.id(), true);

        List<JsonNode> changes = new ArrayList<>();
        CollectionSummary round = access.collections().readAll(deltaLink, Map.of(), changes::add, page -> { });
        assertEquals(2, round.items(), changes.toString());
        assertEquals(1, round.removed());
        JsonNode removal = changes.stream().filter(DeltaItems::isRemoved).findFirst().orElseThrow();
        assertEquals(deleted.id(), removal.get("id").asText());
        assertEquals("deleted", DeltaItems.removedReason(removal).orElseThrow());
        JsonNode change = changes.stream().filter(c -> !DeltaItems.isRemoved(c)).findFirst().orElseThrow();
        assertEquals(renamed.id(), change.get("id").asText());
        assertEquals("Renamed Person", change.get("displayName").asText());
        String nextDelta = round.deltaLink().orElseThrow();

        own.expireDeltaTokens("syncStateNotFound");
        GraphRequestException expired = assertThrows(GraphRequestException.class,
                () -> access.collections().readPage(nextDelta, u -> { }));
        assertTrue(expired.isDeltaTokenExpired(), expired.getMessage());
        assertEquals("syncStateNotFound", expired.code());
    }

    @Test
    void injected429sAreAbsorbed() {
        Tenant own = SimulatorFixture.newTenant(2_500);
        RegisteredApp app = SimulatorFixture.registerApp(own, Set.of("User.Read.All"), Set.of());
        GraphAccess access = access(clients, own, new AppCredentials(app.clientId(), app.secret()));
        sim.faults().add(FaultRule.throttle(1).method("GET").path("/v1.0/users").tenant(own.id()).skipFirst(1).times(2));

        Set<String> ids = new HashSet<>();
        CollectionSummary s = access.collections().readAll(GraphUrl.path("/users").select("id").top(999).build(),
                Map.of(), u -> ids.add(u.get("id").asText()), page -> { });
        assertEquals(own.users().count(), ids.size());
        assertEquals(3, s.pages());
        GraphCallStats.Snapshot stats = access.stats().snapshot();
        assertEquals(2, stats.throttled());
        assertEquals(2, stats.sdkRetries(), "the SDK's RetryHandler honoured Retry-After");
        assertEquals(5, stats.requests());
    }

    @Test
    void throttlingBeyondSdkRetriesIsAbsorbedByThePolicyThenResumeLater() {
        Tenant own = SimulatorFixture.newTenant(50);
        RegisteredApp app = SimulatorFixture.registerApp(own, Set.of("User.Read.All", "Organization.Read.All"), Set.of());
        ThrottlePolicy policy = new ThrottlePolicy(3, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.5),
                Duration.ofMinutes(1), Duration.ofMinutes(5), sleeper, Clock.systemUTC());
        GraphClients strict = new GraphClients(SimulatorFixture.endpoints(),
                GraphClientSettings.defaults().withSdkRetries(1, 1).withThrottlePolicy(policy));
        try {
            GraphAccess access = access(strict, own, new AppCredentials(app.clientId(), app.secret()));
            // 3 × 429: SDK retries once (real 1 s wait), the policy retries the call (fake wait), SDK once more.
            sim.faults().add(FaultRule.throttle(1).method("GET").path("/v1.0/organization").tenant(own.id()).times(3));
            JsonNode org = access.requests().get("/organization");
            assertEquals(own.id(), org.get("value").get(0).get("id").asText());
            assertEquals(1, sleeper.waits.size());
            assertEquals(1, access.stats().snapshot().policyRetries());
            assertEquals(3, access.stats().snapshot().throttled());

            sim.faults().add(FaultRule.throttle(1).method("GET").path("/v1.0/users").tenant(own.id()));
            GraphThrottledException e = assertThrows(GraphThrottledException.class,
                    () -> access.collections().readPage("/users", u -> { }));
            assertEquals(GraphThrottledException.Reason.THROTTLED, e.reason());
            assertEquals(3, e.attempts());
            assertEquals(Duration.ofSeconds(1), e.resumeAfter());
            assertEquals(1, access.stats().snapshot().exhausted());
        } finally {
            strict.close();
        }
    }

    @Test
    void missingPermissionIs403AndSdkClientShareTheStack() {
        Tenant own = SimulatorFixture.newTenant(10);
        RegisteredApp app = SimulatorFixture.registerApp(own, Set.of("User.Read.All"), Set.of());
        GraphAccess access = access(clients, own, new AppCredentials(app.clientId(), app.secret()));

        GraphRequestException denied = assertThrows(GraphRequestException.class, () -> access.requests().get("/groups"));
        assertEquals(403, denied.status());
        assertEquals("Authorization_RequestDenied", denied.code());
        assertTrue(denied.requestId().isPresent());

        User someone = own.users().list().getFirst();
        com.microsoft.graph.models.User viaSdk = access.call("GET /users/{id}", true,
                () -> access.sdk().users().byUserId(someone.id()).get());
        assertEquals(someone.userPrincipalName(), viaSdk.getUserPrincipalName());
        GraphRequestException notFound = assertThrows(GraphRequestException.class, () -> access.call("GET /users/{id}", true,
                () -> access.sdk().users().byUserId("00000000-0000-0000-0000-000000000000").get()));
        assertEquals(404, notFound.status());
        assertEquals("Request_ResourceNotFound", notFound.code());
    }
}
