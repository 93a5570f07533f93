package io.m365platform.graph.token;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.token.failure.TokenException;
import io.m365platform.graph.token.failure.TokenFailureClassifier;

/**
 * App-only Graph tokens (client credentials, app registration method). One msal4j application per
 * client id and secret, the tenant on each request, so the msal4j cache serves repeated calls.
 */
public final class AppTokenClient {

    private final MsalApplications applications;
    private final TokenCall call;

    public AppTokenClient(MsalApplications applications, TokenRetryPolicy retryPolicy) {
        this.applications = applications;
        this.call = new TokenCall(retryPolicy, new TokenFailureClassifier());
    }

    public AppTokenClient(MsalApplications applications) {
        this(applications, TokenRetryPolicy.defaults());
    }

    /**
     * A token for Graph in {@code tenant}, from msal4j's cache when one is valid for 5+ more minutes.
     *
     * @throws TokenException classified failure (e.g. {@code INVALID_SECRET}); transient ones after retries
     */
    public AccessToken acquire(AppCredentials credentials, TenantId tenant) {
        return acquire(credentials, tenant, false);
    }

    /**
     * A token straight from the token endpoint, bypassing the cache: use it to test a connection, so
     * that permissions granted or revoked since the last token show up.
     */
    public AccessToken acquireFresh(AppCredentials credentials, TenantId tenant) {
        return acquire(credentials, tenant, true);
    }

    private AccessToken acquire(AppCredentials credentials, TenantId tenant, boolean skipCache) {
        ClientCredentialParameters parameters = ClientCredentialParameters.builder(GraphScopes.APP_ONLY)
                .tenant(tenant.value())
                .skipCache(skipCache)
                .build();
        String context = "client " + credentials.clientId() + " in tenant " + tenant.value();
        IAuthenticationResult result = call.run(context,
                () -> applications.appOnly(credentials).acquireToken(parameters).join());
        return AuthResults.toAccessToken(result, TokenKind.APP, tenant.value());
    }
}
