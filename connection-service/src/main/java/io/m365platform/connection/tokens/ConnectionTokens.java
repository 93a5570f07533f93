package io.m365platform.connection.tokens;

import io.m365platform.connection.credentials.CredentialVault;
import io.m365platform.connection.domain.AdminAccount;
import io.m365platform.connection.domain.Connection;
import io.m365platform.contracts.connection.ConnectionMethod;
import io.m365platform.graph.config.TenantId;
import io.m365platform.graph.token.AccessToken;
import io.m365platform.graph.token.AppCredentials;
import io.m365platform.graph.token.AppTokenClient;
import io.m365platform.graph.token.GraphScopes;
import io.m365platform.graph.token.delegated.DelegatedGrant;
import io.m365platform.graph.token.delegated.DelegatedTokenClient;
import io.m365platform.graph.token.delegated.TokenCacheBlob;
import io.m365platform.graph.token.failure.PermanentTokenException;
import io.m365platform.graph.token.failure.TokenFailureCategory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gets a Graph access token for a connection with its stored credentials: client credentials for the
 * app-registration method, the admin's sealed token cache (refresh token) for the admin-user method. msal4j's cache
 * answers repeated requests; {@link Freshness#FRESH} goes to the token endpoint to see current permissions.
 */
@ApplicationScoped
public class ConnectionTokens {

    /** Whether a cached token will do. */
    public enum Freshness {
        CACHED_OK,
        FRESH
    }

    private final CredentialVault vault;
    private final AppTokenClient appTokens;
    private final DelegatedTokenClient delegatedTokens;

    public ConnectionTokens(CredentialVault vault, AppTokenClient appTokens, DelegatedTokenClient delegatedTokens) {
        this.vault = vault;
        this.appTokens = appTokens;
        this.delegatedTokens = delegatedTokens;
    }

    /**
     * @throws io.m365platform.graph.token.failure.TokenException classified failure (transient ones after retries)
     */
    public AccessToken acquire(Connection c, Freshness freshness) {
        AppCredentials credentials = vault.appCredentials(c.id(), c.clientId());
        return acquire(c, credentials, freshness);
    }

    /** The same with the given credentials (a new secret under test before it replaces the stored one). */
    public AccessToken acquire(Connection c, AppCredentials credentials, Freshness freshness) {
        TenantId tenant = TenantId.of(c.tenant());
        if (c.method() == ConnectionMethod.APP_REGISTRATION) {
            return freshness == Freshness.FRESH ? appTokens.acquireFresh(credentials, tenant)
                    : appTokens.acquire(credentials, tenant);
        }
        AdminAccount admin = c.admin().orElseThrow(() -> signInNeeded("no administrator has signed in yet"));
        TokenCacheBlob blob = vault.tokenCache(c.id())
                .orElseThrow(() -> signInNeeded("the administrator's sign-in is no longer stored"));
        DelegatedGrant grant = delegatedTokens.acquireSilently(credentials, tenant, blob, admin.homeAccountId(),
                GraphScopes.DELEGATED_DEFAULT, freshness == Freshness.FRESH);
        if (grant.cacheChanged()) {
            // A refresh may rotate the refresh token: keep the newest cache (sealed).
            vault.storeTokenCache(c.id(), grant.cache());
        }
        return grant.accessToken();
    }

    private static PermanentTokenException signInNeeded(String why) {
        return new PermanentTokenException(TokenFailureCategory.SIGN_IN_REQUIRED, null, null, null,
                "Token request failed: " + why, null);
    }
}
