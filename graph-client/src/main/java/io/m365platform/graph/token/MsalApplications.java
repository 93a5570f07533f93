package io.m365platform.graph.token;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import io.m365platform.graph.config.GraphEndpoints;
import io.m365platform.graph.config.TenantId;
import java.net.MalformedURLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds msal4j confidential client applications configured for the endpoints (authority, trust,
 * timeouts, instance discovery). App-only applications are kept, one per client id and secret, so
 * msal4j's in-memory token cache works across calls and tenants (the tenant goes on each request).
 */
public final class MsalApplications {

    /**
     * Tenant segment of the shared applications' authority; replaced per request by msal4j's
     * {@code .tenant(tid)} with a plain string replace over the URL, so it must not occur in the host.
     */
    static final String PLACEHOLDER_TENANT = "organizations";

    private final GraphEndpoints endpoints;
    private final String discoveryJson;
    private final Map<String, ConfidentialClientApplication> appOnly = new ConcurrentHashMap<>();

    public MsalApplications(GraphEndpoints endpoints) {
        this.endpoints = endpoints;
        if (endpoints.authorityBase().toString().contains(PLACEHOLDER_TENANT)) {
            throw new IllegalArgumentException("the login endpoint must not contain '" + PLACEHOLDER_TENANT + "'");
        }
        this.discoveryJson = endpoints.isMicrosoftLogin() ? null : InstanceDiscoveryMetadata.json(endpoints);
    }

    public GraphEndpoints endpoints() {
        return endpoints;
    }

    /** The shared application for client-credentials requests of this client id and secret. */
    public ConfidentialClientApplication appOnly(AppCredentials credentials) {
        String key = credentials.clientId() + "#" + credentials.secretFingerprint();
        return appOnly.computeIfAbsent(key, k -> build(credentials, PLACEHOLDER_TENANT, null));
    }

    /**
     * A fresh application bound to one tenant whose token cache is loaded and saved by {@code cacheAspect}
     * (the delegated flow: one admin user's cache blob per connection, never shared between connections).
     */
    public ConfidentialClientApplication forTenant(AppCredentials credentials, TenantId tenant,
                                                   ITokenCacheAccessAspect cacheAspect) {
        return build(credentials, tenant.value(), cacheAspect);
    }

    /** Forgets the applications (and so the cached tokens) of a client id: after rotation or deletion. */
    public void evict(String clientId) {
        appOnly.keySet().removeIf(k -> k.startsWith(clientId + "#"));
    }

    /** Number of cached app-only applications (for tests and metrics). */
    public int size() {
        return appOnly.size();
    }

    private ConfidentialClientApplication build(AppCredentials credentials, String tenantSegment,
                                                ITokenCacheAccessAspect cacheAspect) {
        try {
            ConfidentialClientApplication.Builder b = ConfidentialClientApplication
                    .builder(credentials.clientId(), ClientCredentialFactory.createFromSecret(credentials.clientSecret()))
                    .authority(endpoints.authorityFor(tenantSegment))
                    .connectTimeoutForDefaultHttpClient((int) endpoints.timeouts().connect().toMillis())
                    .readTimeoutForDefaultHttpClient((int) endpoints.timeouts().read().toMillis());
            if (discoveryJson != null) {
                // Not Microsoft's login host: never ask Microsoft for instance metadata, supply it.
                b.instanceDiscovery(false).aadInstanceDiscoveryResponse(discoveryJson);
            }
            endpoints.trust().ifPresent(t -> b.sslSocketFactory(t.socketFactory()));
            if (cacheAspect != null) {
                b.setTokenCacheAccessAspect(cacheAspect);
            }
            return b.build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("invalid authority for tenant '" + tenantSegment + "': " + e.getMessage(), e);
        }
    }
}
