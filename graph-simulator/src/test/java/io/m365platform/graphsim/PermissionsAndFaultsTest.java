package io.m365platform.graphsim;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.m365platform.graphsim.faults.FaultRule;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.AppOperations.Registration;
import io.m365platform.graphsim.tenant.GenerationSpec;
import io.m365platform.graphsim.tenant.Tenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Permission checks (401/403) and injected faults as the Graph SDK experiences them. */
class PermissionsAndFaultsTest {
    static GraphSimulator sim;
    static Tenant tenant;
    static RegisteredApp reader;
    static GraphServiceClient graph;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start(SimulatorConfig.defaults().faultSeed(42));
        tenant = sim.tenants().generate(new GenerationSpec(3, 40, "perms"));
        reader = tenant.apps().register(Registration.of("reader", Set.of("User.Read.All")));
        graph = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), reader.clientId(), reader.secret()));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    @Test
    void missingPermissionIs403AuthorizationRequestDenied() {
        assertNotNull(graph.users().get());
        ODataError e = assertThrows(ODataError.class, () -> graph.groups().get());
        assertEquals(403, e.getResponseStatusCode());
        assertEquals("Authorization_RequestDenied", e.getError().getCode());
        assertNotNull(e.getError().getInnerError().getRequestId());

        RegisteredApp bare = tenant.apps().register(Registration.of("no-consent", Set.of()));
        GraphServiceClient noRoles = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), bare.clientId(), bare.secret()));
        assertEquals(403, assertThrows(ODataError.class, () -> noRoles.users().get()).getResponseStatusCode());
    }

    @Test
    void badOrMissingTokenIs401InvalidAuthenticationToken() {
        GraphServiceClient forged = SimClients.graph(sim, () -> "eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2lnbmF0dXJl");
        ODataError e = assertThrows(ODataError.class, () -> forged.users().get());
        assertEquals(401, e.getResponseStatusCode());
        assertEquals("InvalidAuthenticationToken", e.getError().getCode());
        GraphServiceClient anonymous = SimClients.graph(sim, () -> "");
        assertEquals("InvalidAuthenticationToken", assertThrows(ODataError.class, () -> anonymous.users().get()).getError().getCode());
    }

    @Test
    void revokedConsentRemovesRolesAndCanRejectIssuedTokens() {
        RegisteredApp app = tenant.apps().register(Registration.of("revocable", Set.of("User.Read.All")));
        var msal = SimClients.msal(sim, tenant.id(), app.clientId(), app.secret());
        GraphServiceClient client = SimClients.graph(sim, msal);
        assertNotNull(client.users().get());
        tenant.apps().revokeConsent(app.clientId(), true);
        assertEquals(401, assertThrows(ODataError.class, () -> client.users().get()).getResponseStatusCode());
        GraphServiceClient fresh = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), app.clientId(), app.secret()));
        assertEquals(403, assertThrows(ODataError.class, () -> fresh.users().get()).getResponseStatusCode());
    }

    @Test
    void throttlingWithRetryAfterIsAbsorbedByTheSdkRetryHandler() {
        graph.users().byUserId(tenant.adminUserId()).get(); // token cached before counting
        long before = sim.counters().count("GET /v1.0/users");
        sim.faults().add(FaultRule.throttle(1).path("/v1.0/users").times(2));
        long start = System.nanoTime();
        assertNotNull(graph.users().get().getValue());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(3, sim.counters().count("GET /v1.0/users") - before, "two 429s, then success");
        assertEquals(2, sim.counters().count("GET /v1.0/users", 429));
        assertTrue(millis >= 1900, "Retry-After: 1 honoured twice, took " + millis + " ms");
        var throttled = sim.requestLog().entries().stream().filter(e -> e.status() == 429).toList();
        assertEquals("status 429", throttled.get(0).fault());
    }

    @Test
    void persistent503ReachesTheCallerAfterRetries() {
        sim.faults().add(FaultRule.status(503).retryAfter(1).path("/v1.0/subscribedSkus"));
        var app = tenant.apps().register(Registration.of("skus", Set.of("Organization.Read.All")));
        GraphServiceClient skus = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), app.clientId(), app.secret()));
        ODataError e = assertThrows(ODataError.class, () -> skus.subscribedSkus().get());
        assertEquals(503, e.getResponseStatusCode());
        assertEquals("serviceNotAvailable", e.getError().getCode());
        assertEquals(4, sim.counters().count("GET /v1.0/subscribedSkus", 503), "1 try + 3 SDK retries");
    }

    @Test
    void connectionResetAndLatency() {
        sim.faults().add(FaultRule.connectionReset().path("/v1.0/users/*").times(1));
        String id = tenant.adminUserId();
        assertThrows(Exception.class, () -> graph.users().byUserId(id).get());
        assertNotNull(graph.users().byUserId(id).get(), "only the next request was dropped");

        sim.faults().add(FaultRule.latency(Duration.ofMillis(400)).path("/v1.0/users/*"));
        long start = System.nanoTime();
        graph.users().byUserId(id).get();
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 400);
    }

    @Test
    void probabilisticFaultsAreDeterministicForASeed() {
        List<Boolean> first = faultSequence(7);
        List<Boolean> second = faultSequence(7);
        assertEquals(first, second);
        assertTrue(first.contains(true) && first.contains(false), first.toString());
    }

    private static List<Boolean> faultSequence(long seed) {
        sim.faults().clear();
        sim.faults().reseed(seed);
        sim.faults().add(FaultRule.status(504).path("/v1.0/organization").probability(0.5));
        List<Boolean> failed = new ArrayList<>();
        var app = tenant.apps().register(Registration.of("org" + seed, Set.of("Organization.Read.All")));
        GraphServiceClient org = SimClients.graph(sim, SimClients.msal(sim, tenant.id(), app.clientId(), app.secret()));
        com.microsoft.kiota.http.middleware.options.RetryHandlerOption noRetry =
                new com.microsoft.kiota.http.middleware.options.RetryHandlerOption((d, a, q, r) -> false, 0, 0);
        for (int i = 0; i < 12; i++) {
            try {
                org.organization().get(rc -> rc.options.add(noRetry));
                failed.add(false);
            } catch (ApiException e) {
                assertEquals(504, e.getResponseStatusCode());
                failed.add(true);
            }
        }
        return failed;
    }
}
