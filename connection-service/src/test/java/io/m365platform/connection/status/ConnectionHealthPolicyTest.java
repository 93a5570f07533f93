package io.m365platform.connection.status;

import io.m365platform.connection.capability.CapabilityCatalogue;
import io.m365platform.connection.capability.CapabilityEvaluator;
import io.m365platform.connection.capability.CapabilityState;
import io.m365platform.connection.capability.CapabilityTable;
import io.m365platform.connection.capability.PermissionKind;
import io.m365platform.connection.capability.ProbeOutcome;
import io.m365platform.connection.check.TestReport;
import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.domain.Health;
import io.m365platform.connection.domain.LastTest;
import io.m365platform.connection.domain.SecretExpiry;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.contracts.connection.ConnectionStatus;
import io.m365platform.contracts.connection.PermissionLevel;
import io.m365platform.contracts.connection.Product;
import io.m365platform.graph.token.failure.PermanentTokenException;
import io.m365platform.graph.token.failure.TokenFailureCategory;
import io.m365platform.graph.token.failure.TransientTokenException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionHealthPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String CLIENT = "8a1f3c52-4c4e-4a0e-9b1e-2f6d5c7b9e01";
    private static final String TENANT_ID = "0b6f2f3e-1111-4222-8333-944455556666";

    private final CapabilityCatalogue catalogue = CapabilityCatalogue.load();
    private final ConnectionHealthPolicy policy = new ConnectionHealthPolicy(new CapabilityEvaluator(catalogue), catalogue,
            new HealthSettings() {
                @Override
                public String checkEvery() {
                    return "15m";
                }

                @Override
                public String checkDelay() {
                    return "1m";
                }

                @Override
                public boolean checkEnabled() {
                    return true;
                }

                @Override
                public Duration secretExpiryWarning() {
                    return Duration.ofDays(30);
                }

                @Override
                public Duration probeMaxAge() {
                    return Duration.ofHours(24);
                }
            });

    static Connection connection(ConnectionStatus status) {
        return new Connection(UUID.randomUUID(), Product.MICROSOFT_365, ConnectionMethod.APP_REGISTRATION,
                PermissionLevel.READ, "Contoso", "contoso.onmicrosoft.com", Optional.empty(), CLIENT,
                Health.of(status, null, null), List.of(), CapabilityTable.empty(), Connection.Probes.none(),
                Optional.empty(), Optional.empty(), Optional.empty(), SecretExpiry.unknown("not known"), "alice",
                NOW.minusSeconds(60), NOW.minusSeconds(60), 0);
    }

    private static PermanentTokenException refused(TokenFailureCategory category, int code) {
        return new PermanentTokenException(category, code, 400, "invalid_client",
                "Token request for client " + CLIENT + " failed: AADSTS" + code, null);
    }

    @Test
    void refusalsMapToTheirStatusFromTheAadstsCategory() {
        record Case(TokenFailureCategory category, int code, ConnectionStatus status) {
        }
        for (Case k : List.of(
                new Case(TokenFailureCategory.INVALID_SECRET, 7000215, ConnectionStatus.NEEDS_RECONNECT),
                new Case(TokenFailureCategory.EXPIRED_SECRET, 7000222, ConnectionStatus.NEEDS_RECONNECT),
                new Case(TokenFailureCategory.UNKNOWN_TENANT, 90002, ConnectionStatus.ERROR),
                new Case(TokenFailureCategory.APP_NOT_IN_TENANT, 700016, ConnectionStatus.PERMISSIONS_MISSING),
                new Case(TokenFailureCategory.CONSENT_MISSING, 65001, ConnectionStatus.PERMISSIONS_MISSING),
                new Case(TokenFailureCategory.REFRESH_TOKEN_EXPIRED, 700082, ConnectionStatus.NEEDS_RECONNECT))) {
            Connection after = policy.apply(connection(ConnectionStatus.CONNECTED),
                    new TestReport.Refused(NOW, refused(k.category(), k.code())));
            assertEquals(k.status(), after.status(), k.category().name());
            assertTrue(after.health().reason().orElseThrow().contains("(AADSTS" + k.code() + ")"), after.health().toString());
            assertEquals(k.category().operatorFix(), after.health().fix().orElseThrow());
            assertEquals(LastTest.Outcome.FAILED, after.lastTest().orElseThrow().outcome());
            assertEquals("AADSTS" + k.code(), after.lastError().orElseThrow().code());
            assertTrue(!after.usable(), k + " leaves the connection unusable");
        }
    }

    @Test
    void aTransientFailureKeepsTheStatus() {
        Connection before = connection(ConnectionStatus.CONNECTED);
        Connection after = policy.apply(before, new TestReport.Unanswered(NOW, new TransientTokenException(
                TokenFailureCategory.TRANSIENT, null, 503, null, null, "Token request failed: HTTP 503", null)));
        assertEquals(ConnectionStatus.CONNECTED, after.status());
        assertEquals(before.health(), after.health());
        assertEquals(LastTest.Outcome.INCONCLUSIVE, after.lastTest().orElseThrow().outcome());
        assertEquals("transient-http-503", after.lastError().orElseThrow().code());
    }

    @Test
    void aTokenWithoutRolesMeansNoConsentedPermission() {
        Connection after = policy.apply(connection(ConnectionStatus.PENDING), succeeded(Set.of()));
        assertEquals(ConnectionStatus.PERMISSIONS_MISSING, after.status());
        assertTrue(after.health().reason().orElseThrow().contains("carries no Microsoft Graph application permission"));
        assertTrue(after.health().fix().orElseThrow().contains("User.Read.All"), "the fix lists the guide's permissions");
        assertEquals(TENANT_ID, after.tenantId().orElseThrow());
        assertTrue(!after.usable());
    }

    @Test
    void partialPermissionsAreNamedButTheConnectionStaysUsable() {
        Set<String> granted = new HashSet<>(catalogue.product(Product.MICROSOFT_365)
                .permissionsFor(PermissionKind.APPLICATION, PermissionLevel.READ));
        granted.remove("Reports.Read.All");
        Connection after = policy.apply(connection(ConnectionStatus.PENDING), succeeded(granted));
        assertEquals(ConnectionStatus.PERMISSIONS_MISSING, after.status());
        assertEquals(List.of("Reports.Read.All"), after.capabilities().missingPermissions());
        assertTrue(after.health().reason().orElseThrow().endsWith("permissions: Reports.Read.All."), after.health().toString());
        assertTrue(after.usable());
    }

    @Test
    void everythingGrantedIsConnectedAndAKnownExpiryIsAnnouncedAhead() {
        Set<String> granted = Set.copyOf(catalogue.product(Product.MICROSOFT_365)
                .permissionsFor(PermissionKind.APPLICATION, PermissionLevel.READ));
        Connection far = policy.apply(connection(ConnectionStatus.PENDING), succeeded(granted,
                SecretExpiry.known(NOW.plus(Duration.ofDays(200)), SecretExpiry.Source.GRAPH, null)));
        assertEquals(Health.connected(), far.health());
        Connection near = policy.apply(connection(ConnectionStatus.PENDING), succeeded(granted,
                SecretExpiry.known(NOW.plus(Duration.ofDays(12)), SecretExpiry.Source.GRAPH, null)));
        assertEquals(ConnectionStatus.CONNECTED, near.status());
        assertEquals("The client secret of app registration " + CLIENT + " expires on 2026-03-13 (in 12 days).",
                near.health().reason().orElseThrow());
        assertTrue(near.health().fix().orElseThrow().startsWith("Create a new client secret"));
        assertTrue(policy.secretExpiryWarning(near, NOW));
    }

    @Test
    void probeOutcomesAreKeptUntilTheNextProbe() {
        Set<String> granted = Set.of("Reports.Read.All", "User.Read.All");
        Connection probed = policy.apply(connection(ConnectionStatus.PENDING), new TestReport.Succeeded(NOW, TENANT_ID,
                granted, Map.of("usage-report", ProbeOutcome.CONCEALED), Optional.empty(), Optional.empty()));
        assertEquals(CapabilityState.AVAILABLE, probed.capabilities().row("usage-reports").state());
        assertTrue(probed.capabilities().row("usage-reports").warning() != null);
        Connection later = policy.apply(probed, succeeded(granted));
        assertTrue(later.capabilities().row("usage-reports").warning() != null, "no probe this time: kept");
        assertTrue(!policy.probeDue(later, NOW.plus(Duration.ofHours(1))));
        assertTrue(policy.probeDue(later, NOW.plus(Duration.ofHours(25))));
    }

    @Test
    void anOperatorGivenExpirySurvivesGraphNotKnowingIt() {
        SecretExpiry operator = SecretExpiry.known(NOW.plus(Duration.ofDays(90)), SecretExpiry.Source.OPERATOR, null);
        assertEquals(operator, ConnectionHealthPolicy.mergeExpiry(operator, Optional.of(SecretExpiry.unknown("no permission"))));
        SecretExpiry graph = SecretExpiry.known(NOW.plus(Duration.ofDays(80)), SecretExpiry.Source.GRAPH, null);
        assertEquals(graph, ConnectionHealthPolicy.mergeExpiry(operator, Optional.of(graph)));
        assertEquals(graph, ConnectionHealthPolicy.mergeExpiry(graph, Optional.empty()), "unanswered lookup keeps it");
    }

    private static TestReport.Succeeded succeeded(Set<String> granted) {
        return new TestReport.Succeeded(NOW, TENANT_ID, granted, Map.of(), Optional.empty(), Optional.empty());
    }

    private static TestReport.Succeeded succeeded(Set<String> granted, SecretExpiry expiry) {
        return new TestReport.Succeeded(NOW, TENANT_ID, granted, Map.of(), Optional.empty(), Optional.of(expiry));
    }
}
