package io.m365platform.graph.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.retry.Backoff;
import io.m365platform.graph.testsupport.RecordingSleeper;
import io.m365platform.graph.testsupport.SimulatorFixture;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.AppTokenClient;
import io.m365platform.graph.token.MsalApplications;
import io.m365platform.graph.token.TokenKind;
import io.m365platform.graph.token.TokenRetryPolicy;
import io.m365platform.graph.token.failure.PermanentTokenException;
import io.m365platform.graph.token.failure.TokenException;
import io.m365platform.graph.token.failure.TokenFailureCategory;
import io.m365platform.graph.token.failure.TransientTokenException;
import io.m365platform.graphsim.GraphSimulator;
import io.m365platform.graphsim.faults.FaultRule;
import io.m365platform.graphsim.tenant.AppOperations.RegisteredApp;
import io.m365platform.graphsim.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** App-only tokens through msal4j against the simulator's token endpoint. */
class AppTokenSimulatorTest {

    private static final Set<String> ROLES = Set.of("User.Read.All", "Group.Read.All", "Reports.Read.All");

    private static GraphSimulator sim;
    private static Tenant tenant;
    private static RegisteredApp app;
    private static MsalApplications apps;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeAll
    static void setUp() {
        sim = SimulatorFixture.simulator();
        tenant = SimulatorFixture.newTenant(20);
        app = SimulatorFixture.registerApp(tenant, ROLES, Set.of());
        apps = new MsalApplications(SimulatorFixture.endpoints());
    }

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    private AppTokenClient client() {
        return new AppTokenClient(apps, new TokenRetryPolicy(3,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5), Duration.ofSeconds(5), sleeper));
    }

    private AppCredentials credentials() {
        return new AppCredentials(app.clientId(), app.secret());
    }

    @Test
    void appTokenCarriesConsentedRolesAndTenant() {
        AccessToken token = client().acquireFresh(credentials(), TenantId.of(tenant.id()));
        assertEquals(ROLES, token.permissions());
        assertEquals(tenant.id(), token.tenantId());
        assertEquals(TokenKind.APP, token.kind());
        assertFalse(token.fromCache());
        assertTrue(token.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(50))), token.expiresAt().toString());
        assertFalse(token.toString().contains(token.token()));
    }

    @Test
    void secondCallIsServedFromMsalCacheWithoutTokenEndpoint() {
        // A tenant of its own, so the count isn't disturbed by other tests' token requests.
        Tenant own = SimulatorFixture.newTenant(5);
        RegisteredApp ownApp = SimulatorFixture.registerApp(own, Set.of("User.Read.All"), Set.of());
        AppCredentials creds = new AppCredentials(ownApp.clientId(), ownApp.secret());
        AppTokenClient client = client();

        AccessToken first = client.acquire(creds, TenantId.of(own.id()));
        long afterFirst = SimulatorFixture.tokenRequests(own.id());
        AccessToken second = client.acquire(creds, TenantId.of(own.id()));
        AccessToken third = client.acquire(creds, TenantId.of(own.id()));

        assertEquals(1, afterFirst);
        assertEquals(1, SimulatorFixture.tokenRequests(own.id()), "cache hit: no second token request (port-cache fix)");
        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertTrue(third.fromCache());
        assertEquals(first.token(), second.token());

        AccessToken fresh = client.acquireFresh(creds, TenantId.of(own.id()));
        assertEquals(2, SimulatorFixture.tokenRequests(own.id()));
        assertFalse(fresh.fromCache());
    }

    @Test
    void oneApplicationServesSeveralTenantsAndDomains() {
        Tenant other = SimulatorFixture.newTenant(5);
        RegisteredApp sameClientElsewhere = other.apps().register(new io.m365platform.graphsim.tenant.AppOperations.Registration(
                app.clientId(), "multi-tenant app", Set.of("Directory.Read.All"), Set.of(), java.util.List.of(),
                java.util.List.of(Duration.ofDays(30)), java.util.List.of(app.secret())));
        AppTokenClient client = client();
        AccessToken a = client.acquire(credentials(), TenantId.of(tenant.id()));
        AccessToken b = client.acquire(credentials(), TenantId.of(other.id()));
        assertEquals(tenant.id(), a.tenantId());
        assertEquals(other.id(), b.tenantId());
        assertEquals(Set.of("Directory.Read.All"), b.permissions());
        assertEquals(sameClientElsewhere.clientId(), app.clientId());

        String domain = other.read(() -> other.organization().verifiedDomains().getFirst());
        AccessToken byDomain = client.acquireFresh(credentials(), TenantId.of(domain));
        assertEquals(other.id(), byDomain.tenantId(), "tid claim wins over the requested domain");
    }

    @Test
    void consentChangesShowInFreshTokens() {
        Tenant own = SimulatorFixture.newTenant(5);
        RegisteredApp ownApp = SimulatorFixture.registerApp(own, Set.of("User.Read.All"), Set.of());
        AppCredentials creds = new AppCredentials(ownApp.clientId(), ownApp.secret());
        own.apps().setPermissions(ownApp.clientId(), Set.of(), Set.of());
        AccessToken none = client().acquireFresh(creds, TenantId.of(own.id()));
        assertTrue(none.hasNoPermissions(), "no admin-consented permission → token without roles, not an error");
    }

    // ------------------------------------------------------------------ failures, classified by AADSTS code

    @Test
    void wrongSecretIsInvalidSecret7000215() {
        TokenException e = assertThrows(TokenException.class,
                () -> client().acquire(new AppCredentials(app.clientId(), "not-the-secret"), TenantId.of(tenant.id())));
        assertInstanceOf(PermanentTokenException.class, e);
        assertEquals(TokenFailureCategory.INVALID_SECRET, e.category());
        assertEquals(7000215, e.aadstsCode().orElseThrow());
        assertEquals(401, e.httpStatus().orElseThrow());
        assertEquals("invalid_client", e.oauthError().orElseThrow());
        assertTrue(e.operatorFix().contains("rotate"));
        assertFalse(e.getMessage().contains("not-the-secret"), "secret never in messages");
        assertTrue(sleeper.waits.isEmpty(), "permanent failures are not retried");
    }

    @Test
    void expiredSecretIs7000222() {
        RegisteredApp expired = SimulatorFixture.registerAppWithExpiredSecret(tenant);
        TokenException e = assertThrows(TokenException.class,
                () -> client().acquire(new AppCredentials(expired.clientId(), expired.secret()), TenantId.of(tenant.id())));
        assertEquals(TokenFailureCategory.EXPIRED_SECRET, e.category());
        assertEquals(7000222, e.aadstsCode().orElseThrow());
        assertEquals(401, e.httpStatus().orElseThrow());
    }

    @Test
    void unknownTenantIs90002() {
        TokenException e = assertThrows(TokenException.class,
                () -> client().acquire(credentials(), TenantId.of(UUID.randomUUID().toString())));
        assertEquals(TokenFailureCategory.UNKNOWN_TENANT, e.category());
        assertEquals(90002, e.aadstsCode().orElseThrow());
        assertEquals(400, e.httpStatus().orElseThrow());
    }

    @Test
    void appNotInTenantIs700016() {
        TokenException e = assertThrows(TokenException.class,
                () -> client().acquire(new AppCredentials(UUID.randomUUID().toString(), "whatever"), TenantId.of(tenant.id())));
        assertEquals(TokenFailureCategory.APP_NOT_IN_TENANT, e.category());
        assertEquals(700016, e.aadstsCode().orElseThrow());
        assertEquals(400, e.httpStatus().orElseThrow());
    }

    @Test
    void transientTokenEndpointFailuresAreRetried() {
        Tenant own = SimulatorFixture.newTenant(5);
        RegisteredApp ownApp = SimulatorFixture.registerApp(own, Set.of("User.Read.All"), Set.of());
        sim.faults().add(FaultRule.throttle(2).path("/" + own.id() + "/oauth2/v2.0/token").times(2));
        AccessToken t = client().acquireFresh(new AppCredentials(ownApp.clientId(), ownApp.secret()), TenantId.of(own.id()));
        assertEquals(Set.of("User.Read.All"), t.permissions());
        assertEquals(2, sleeper.waits.size(), "two 429s (AADSTS90033) absorbed by the token retry policy");
    }

    @Test
    void persistentThrottlingSurfacesAsTransient() {
        Tenant own = SimulatorFixture.newTenant(5);
        RegisteredApp ownApp = SimulatorFixture.registerApp(own, Set.of("User.Read.All"), Set.of());
        sim.faults().add(FaultRule.throttle(3).path("/" + own.id() + "/oauth2/v2.0/token"));
        TokenException e = assertThrows(TokenException.class,
                () -> client().acquireFresh(new AppCredentials(ownApp.clientId(), ownApp.secret()), TenantId.of(own.id())));
        assertInstanceOf(TransientTokenException.class, e);
        assertEquals(TokenFailureCategory.THROTTLED, e.category());
        assertEquals(429, e.httpStatus().orElseThrow());
        assertEquals(90033, e.aadstsCode().orElseThrow());
        assertEquals(2, sleeper.waits.size(), "3 attempts, 2 waits");
    }

    @Test
    void connectionResetIsTransient() {
        Tenant own = SimulatorFixture.newTenant(5);
        RegisteredApp ownApp = SimulatorFixture.registerApp(own, Set.of("User.Read.All"), Set.of());
        sim.faults().add(FaultRule.connectionReset().path("/" + own.id() + "/oauth2/v2.0/token"));
        TokenException e = assertThrows(TokenException.class,
                () -> client().acquireFresh(new AppCredentials(ownApp.clientId(), ownApp.secret()), TenantId.of(own.id())));
        assertEquals(TokenFailureCategory.TRANSIENT, e.category());
        assertTrue(e.retryable());
    }
}
