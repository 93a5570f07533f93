package io.m365platform.graphsim;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.graph.core.requests.BaseGraphRequestAdapter;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.core.requests.options.GraphClientOption;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The real clients (msal4j 1.26 + Graph SDK v6) wired to a simulator, as CLIENT_NOTES.md describes: https
 * authority, instanceDiscovery(false) plus the aadInstanceDiscoveryResponse port fix, the simulator's trust
 * material, the SDK's own middleware (retry, redirect) and an AccessTokenProvider allowed for 127.0.0.1.
 */
public final class SimClients {
    public static final Set<String> GRAPH_DEFAULT = Set.of("https://graph.microsoft.com/.default");

    private SimClients() {
    }

    /** For client credentials: 127.0.0.1 authority with the cache port fix. */
    public static ConfidentialClientApplication msal(GraphSimulator sim, String tenant, String clientId, String secret) {
        try {
            return ConfidentialClientApplication.builder(clientId, ClientCredentialFactory.createFromSecret(secret))
                    .authority(sim.authorityUrl(tenant))
                    .instanceDiscovery(false)
                    .aadInstanceDiscoveryResponse(sim.msalInstanceDiscoveryResponse(tenant))
                    .sslSocketFactory(sim.clientSslContext().getSocketFactory())
                    .connectTimeoutForDefaultHttpClient(5_000)
                    .readTimeoutForDefaultHttpClient(30_000)
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the delegated admin flow (refresh tokens): localhost authority, no instance-discovery aliases. */
    public static ConfidentialClientApplication msalDelegated(GraphSimulator sim, String tenant, String clientId, String secret) {
        try {
            return ConfidentialClientApplication.builder(clientId, ClientCredentialFactory.createFromSecret(secret))
                    .authority(sim.authorityUrlLocalhost(tenant))
                    .instanceDiscovery(false)
                    .sslSocketFactory(sim.clientSslContext().getSocketFactory())
                    .connectTimeoutForDefaultHttpClient(5_000)
                    .readTimeoutForDefaultHttpClient(30_000)
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Client-credentials token (msal4j caches it). Unwraps msal's CompletionException. */
    public static IAuthenticationResult appToken(ConfidentialClientApplication app) {
        try {
            return app.acquireToken(ClientCredentialParameters.builder(GRAPH_DEFAULT).build()).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    public static OkHttpClient okHttp(GraphSimulator sim) {
        return GraphClientFactory.create(new RequestOption[]{new GraphClientOption()})
                .sslSocketFactory(sim.clientSslContext().getSocketFactory(), sim.trustManager())
                .build();
    }

    public static GraphServiceClient graph(GraphSimulator sim, Supplier<String> token) {
        AccessTokenProvider provider = new AccessTokenProvider() {
            private final AllowedHostsValidator hosts = new AllowedHostsValidator("127.0.0.1");

            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return token.get();
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return hosts;
            }
        };
        return new GraphServiceClient(new BaseGraphRequestAdapter(new BaseBearerTokenAuthenticationProvider(provider),
                sim.graphBaseUrl(), okHttp(sim)));
    }

    /** A Graph client authenticated with client credentials through msal4j. */
    public static GraphServiceClient graph(GraphSimulator sim, ConfidentialClientApplication app) {
        return graph(sim, () -> appToken(app).accessToken());
    }

    public static URL url(String s) {
        try {
            return URI.create(s).toURL();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
