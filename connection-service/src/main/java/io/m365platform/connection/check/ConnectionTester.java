package io.m365platform.connection.check;

import io.m365platform.connection.capability.CapabilityCatalogue;
import io.m365platform.connection.capability.CapabilityDefinition;
import io.m365platform.connection.capability.PermissionKind;
import io.m365platform.connection.capability.ProbeOutcome;
import io.m365platform.connection.domain.Connection;
import io.m365platform.connection.domain.SecretExpiry;
import io.m365platform.connection.tokens.ConnectionTokens;
import io.m365platform.graph.request.GraphAccess;
import io.m365platform.graph.request.GraphClients;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.failure.PermanentTokenException;
import io.m365platform.graph.token.failure.TransientTokenException;
import io.m365platform.connection.credentials.CredentialVault;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tests a connection: a fresh token (so current grants show), its permissions, the probes that are due (usage
 * report access and concealed names) and the secret's expiry. It changes nothing; {@code ConnectionHealthPolicy}
 * turns the report into the connection's new state.
 */
@ApplicationScoped
public class ConnectionTester {

    private final ConnectionTokens tokens;
    private final CredentialVault vault;
    private final GraphClients graphClients;
    private final CapabilityCatalogue catalogue;
    private final Clock clock;

    public ConnectionTester(ConnectionTokens tokens, CredentialVault vault, GraphClients graphClients,
            CapabilityCatalogue catalogue, Clock clock) {
        this.tokens = tokens;
        this.vault = vault;
        this.graphClients = graphClients;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Whether probes run in this test (they are rationed: see {@link UsageReportProbe}). */
    public enum Probing {
        PROBE,
        SKIP
    }

    public TestReport test(Connection c, Probing probing) {
        return test(c, vault.appCredentials(c.id(), c.clientId()), probing);
    }

    /** Tests with the given credentials (a new secret before it replaces the stored one). */
    public TestReport test(Connection c, AppCredentials credentials, Probing probing) {
        AccessToken token;
        try {
            token = tokens.acquire(c, credentials, ConnectionTokens.Freshness.FRESH);
        } catch (PermanentTokenException e) {
            return new TestReport.Refused(clock.instant(), e);
        } catch (TransientTokenException e) {
            return new TestReport.Unanswered(clock.instant(), e);
        }
        GraphAccess graph = graphClients.forTenant(token.tenantId(), () -> token);
        Map<String, ProbeOutcome> probes = new HashMap<>();
        Optional<String> problem = Optional.empty();
        if (probing == Probing.PROBE) {
            Optional<CapabilityDefinition> usage = catalogue.capabilitiesOf(c.product()).stream()
                    .filter(d -> d.probe().filter(UsageReportProbe.NAME::equals).isPresent()).findFirst();
            if (usage.isPresent() && usage.get().requirement(PermissionKind.of(c.method())).supported()
                    && usage.get().requirement(PermissionKind.of(c.method())).missingFrom(token.permissions()).isEmpty()) {
                UsageReportProbe.Result result = UsageReportProbe.run(graph, catalogue.product(c.product()).usageReport());
                probes.put(UsageReportProbe.NAME, result.outcome());
                problem = Optional.ofNullable(result.problem());
            }
        }
        Optional<SecretExpiry> expiry = SecretExpiryLookup.lookup(graph, c.clientId(), credentials.clientSecret(),
                token.permissions());
        return new TestReport.Succeeded(clock.instant(), token.tenantId(), token.permissions(), probes, problem, expiry);
    }
}
