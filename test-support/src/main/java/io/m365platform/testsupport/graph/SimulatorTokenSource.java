package io.m365platform.testsupport.graph;

import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.AppTokenClient;
import io.m365platform.graph.token.MsalApplications;
import io.m365platform.graph.token.failure.TokenException;
import io.m365platform.service.graph.GraphConfig;
import io.m365platform.service.graph.GraphProducers;
import io.m365platform.service.token.TokenSource;
import io.m365platform.service.token.TokenUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test replacement of the token broker: app-only tokens straight from the simulator's token endpoint through
 * graph-client's msal4j registry, for the connections a test registered. Production uses connection-service's broker
 * (service-commons' BrokerTokenSource); this bean replaces that default bean in the tests of every service that
 * depends on test-support.
 */
@Singleton
public class SimulatorTokenSource implements TokenSource {

    private final GraphConfig config;

    @Inject
    public SimulatorTokenSource(GraphConfig config) {
        this.config = config;
    }

    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();
    private volatile AppTokenClient client;

    public void register(String connectionId, String tenantId, String clientId, String clientSecret) {
        registrations.put(connectionId, new Registration(tenantId, new AppCredentials(clientId, clientSecret)));
    }

    @Override
    public AccessToken token(String connectionId) {
        Registration r = registrations.get(connectionId);
        if (r == null) {
            throw new TokenUnavailableException("connection-unknown", "no test credentials for " + connectionId, false);
        }
        try {
            return client().acquire(r.credentials(), TenantId.of(r.tenantId()));
        } catch (TokenException e) {
            throw new TokenUnavailableException("credentials-invalid", e.getMessage(), false, e);
        }
    }

    private AppTokenClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = new AppTokenClient(new MsalApplications(GraphProducers.endpointsOf(config)));
                }
            }
        }
        return client;
    }

    private record Registration(String tenantId, AppCredentials credentials) {
    }
}
